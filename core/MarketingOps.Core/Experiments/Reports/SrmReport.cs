namespace MarketingOps.Core.Experiments.Reports;

/// <summary>
/// Sample ratio mismatch on impressions against the planned posts per variant. Impressions come in clusters
/// (one post reaches thousands at once), so the χ² is also divided by the dispersion of impressions per post
/// (quasi-Poisson); the flag uses the adjusted p-value.
/// </summary>
/// <param name="ObservedShares">Each variant's share of impressions, control first.</param>
/// <param name="PlannedShares">Each variant's expected share: of the posts due so far.</param>
/// <param name="ChiSquare">χ² of impressions against the plan.</param>
/// <param name="PValue">Its p-value, as if impressions were independent.</param>
/// <param name="Dispersion">Variance over mean of impressions per post (1 when unknown).</param>
/// <param name="AdjustedPValue">The p-value of χ² / dispersion.</param>
/// <param name="IsMismatch">Adjusted p below the threshold and the split off by a practical amount.</param>
internal sealed record SrmReport(
    IReadOnlyList<double> ObservedShares,
    IReadOnlyList<double> PlannedShares,
    double ChiSquare,
    double PValue,
    double Dispersion,
    double AdjustedPValue,
    bool IsMismatch);
