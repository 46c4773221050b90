namespace MarketingOps.Core.Experiments.Reports;

/// <summary>A variant's cumulative numerator and denominator at the end of one hour.</summary>
internal sealed record SeriesValue(DateTimeOffset At, long Numerator, long Denominator)
{
    public double Rate => Denominator == 0 ? 0 : (double)Numerator / Denominator;
}
