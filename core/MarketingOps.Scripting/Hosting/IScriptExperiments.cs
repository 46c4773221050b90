namespace MarketingOps.Scripting.Hosting;

/// <summary>The experiments engine as scripts reach it.</summary>
public interface IScriptExperiments
{
    /// <summary>Creates and starts an experiment (scheduling its posts through the normal guardrails); throws <see cref="ArgumentException"/> when the name is taken.</summary>
    ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken);

    /// <summary>Finds an experiment by name.</summary>
    ScriptExperiment? Find(string name, CancellationToken cancellationToken);

    /// <summary>Every experiment, newest first.</summary>
    IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken);

    /// <summary>Where an experiment stands now.</summary>
    ExperimentResults Results(string name, CancellationToken cancellationToken);

    /// <summary>The variant to post next (Thompson sampling for a bandit, round robin otherwise); its <see cref="ExperimentVariant.Text"/> is the wording for that post, the next of its <see cref="ExperimentVariant.Rounds"/>.</summary>
    ExperimentVariant Pick(string name, CancellationToken cancellationToken);

    /// <summary>Stops an experiment; false when it is unknown or already finished.</summary>
    bool Stop(string name, CancellationToken cancellationToken);
}
