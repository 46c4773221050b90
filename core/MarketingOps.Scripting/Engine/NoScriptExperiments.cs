using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Engine;

/// <summary>Until the experiments engine is part of the host: no experiments exist, and starting one says so (a dry run still shows what it would do).</summary>
internal sealed class NoScriptExperiments : IScriptExperiments
{
    private const string Missing = "The experiments engine is not part of this host yet; run with --dry-run to see what the experiment would schedule.";

    public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken) => throw new NotSupportedException(Missing);

    public ScriptExperiment? Find(string name, CancellationToken cancellationToken) => null;

    public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken) => [];

    public ExperimentResults Results(string name, CancellationToken cancellationToken) => throw new ArgumentException($"No experiment named '{name}'.", nameof(name));

    public ExperimentVariant Pick(string name, CancellationToken cancellationToken) => throw new ArgumentException($"No experiment named '{name}'.", nameof(name));

    public bool Stop(string name, CancellationToken cancellationToken) => false;
}
