namespace MarketingOps.Scripting;

/// <summary>Where an experiment stands: each variant's numbers, the winner if there is one, and why.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Variants">One entry per variant, control first.</param>
/// <param name="Winner">The winning variant's name, once the decision rule has fired.</param>
/// <param name="Summary">One sentence a marketer can paste into a report.</param>
public sealed record ExperimentResults(
    string Experiment,
    ExperimentStatus Status,
    IReadOnlyList<VariantResult> Variants,
    string? Winner,
    string Summary)
{
    /// <summary>Things the reader must know (too little data, sample ratio mismatch, non-comparable slots). The default value is none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
