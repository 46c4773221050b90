namespace MarketingOps.Scripting;

/// <summary>An experiment the host knows about.</summary>
/// <param name="Id">The host's id of the experiment.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Plan">What it tests and how.</param>
public sealed record ScriptExperiment(string Id, ExperimentStatus Status, ExperimentPlan Plan)
{
    /// <summary>The experiment's name.</summary>
    public string Name => Plan.Name;
}
