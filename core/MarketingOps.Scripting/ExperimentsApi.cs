using System.Diagnostics;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting;

/// <summary>Defining and reading experiments: the script's <c>Experiments</c>.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class ExperimentsApi
{
    private readonly IScriptExperiments _experiments;
    private readonly CancellationToken _cancellationToken;

    internal ExperimentsApi(IScriptExperiments experiments, CancellationToken cancellationToken)
    {
        _experiments = experiments;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Starts describing a new experiment; finish with <see cref="ExperimentBuilder.Start"/>.</summary>
    public ExperimentBuilder Define(string name) => new(name, plan => _experiments.Start(plan, _cancellationToken));

    /// <summary>An experiment by name, or null.</summary>
    public ScriptExperiment? Find(string name) => _experiments.Find(name, _cancellationToken);

    /// <summary>Every experiment, newest first.</summary>
    public IReadOnlyList<ScriptExperiment> List() => _experiments.List(_cancellationToken);

    /// <summary>Where an experiment stands: per-variant numbers, the winner if any, warnings.</summary>
    public ExperimentResults Results(string name) => _experiments.Results(name, _cancellationToken);

    /// <summary>The variant to post next; for a bandit this is Thompson sampling's pick. Its <see cref="ExperimentVariant.Text"/> is the wording for this post: the next of its <see cref="ExperimentVariant.Rounds"/>.</summary>
    public ExperimentVariant Pick(string name) => _experiments.Pick(name, _cancellationToken);

    /// <summary>Stops an experiment; false when it is unknown or already finished.</summary>
    public bool Stop(string name) => _experiments.Stop(name, _cancellationToken);
}
