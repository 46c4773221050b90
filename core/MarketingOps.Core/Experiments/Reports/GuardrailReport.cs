namespace MarketingOps.Core.Experiments.Reports;

/// <summary>A guardrail metric: every variant against the control, and whether any is significantly worse.</summary>
internal sealed record GuardrailReport(string Metric, IReadOnlyList<ComparisonReport> Comparisons)
{
    public bool Breached => Comparisons.Any(c => c.Verdict == Statistics.Verdict.VariantWorse);
}
