using System.Diagnostics;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>The script's <c>Experiments</c> inside a worker: a plan is serialized here (its lists enumerated in the worker), the host gets plain data.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteScriptExperiments(HostConnection host) : IScriptExperiments
{
    public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken) => host.Call<ScriptExperiment>(WorkerMethods.ExperimentsStart, plan);

    public ScriptExperiment? Find(string name, CancellationToken cancellationToken) => host.Call<ScriptExperiment?>(WorkerMethods.ExperimentsFind, name);

    public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken) => host.Call<List<ScriptExperiment>>(WorkerMethods.ExperimentsList);

    public ExperimentResults Results(string name, CancellationToken cancellationToken) => host.Call<ExperimentResults>(WorkerMethods.ExperimentsResults, name);

    public ExperimentVariant Pick(string name, CancellationToken cancellationToken) => host.Call<ExperimentVariant>(WorkerMethods.ExperimentsPick, name);

    public bool Stop(string name, CancellationToken cancellationToken) => host.Call<bool>(WorkerMethods.ExperimentsStop, name);
}
