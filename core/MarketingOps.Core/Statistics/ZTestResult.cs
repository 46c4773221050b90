namespace MarketingOps.Core.Statistics;

/// <summary>Difference of rates, z statistic and two-sided p-value.</summary>
internal sealed record ZTestResult(double Difference, double Z, double PValue);
