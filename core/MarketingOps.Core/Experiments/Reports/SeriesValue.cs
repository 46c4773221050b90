namespace MarketingOps.Core.Experiments.Reports;

/// <summary>A variant's cumulative numerator and denominator at the end of one bucket of the series.</summary>
internal sealed record SeriesValue(DateTimeOffset At, long Numerator, long Denominator)
{
    public double Rate => Denominator == 0 ? 0 : (double)Numerator / Denominator;
}
