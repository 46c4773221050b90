using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Tests.Statistics;

/// <summary>The arms of /work/shared/reference/statistics.md (R1–R10).</summary>
internal static class GoldenCases
{
    public const double Tolerance = 5e-6;

    public static readonly ArmStatistics R1A = new(3407, 1396.87, 52377.9767);
    public static readonly ArmStatistics R1B = new(3461, 2422.7, 134698.29);

    public static readonly ArmStatistics R2A = ArmStatistics.Proportion(14, 28);
    public static readonly ArmStatistics R2B = ArmStatistics.Proportion(16, 30);

    public static readonly ArmStatistics R3A = ArmStatistics.Proportion(1396, 3000);
    public static readonly ArmStatistics R3B = ArmStatistics.Proportion(2422, 3461);

    public static readonly ArmStatistics R4A = ArmStatistics.Proportion(49, 100);
    public static readonly ArmStatistics R4B = ArmStatistics.Proportion(51, 100);

    public static readonly ArmStatistics R5A = new(10, 100, 1002.25);
    public static readonly ArmStatistics R5B = new(10, 105, 1111.5);

    public static readonly ArmStatistics R9A = ArmStatistics.Proportion(120, 4000);
    public static readonly ArmStatistics R9B = ArmStatistics.Proportion(150, 4000);

    /// <summary>Asserts |actual − expected| ≤ tolerance, naming the quantity on failure.</summary>
    public static void Near(double expected, double actual, string what, double tolerance = Tolerance)
    {
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected} ± {tolerance}, got {actual} (off by {Math.Abs(actual - expected):g3}).");
    }

    /// <summary>Lift, interval, standard error and p-value of a frequentist or sequential result.</summary>
    public static void Frequentist(FrequentistResult actual, double lift, double low, double high, double se, double p)
    {
        Near(lift, actual.Estimate, "lift");
        Interval(low, high, actual);
        Near(se, actual.StandardError, "SE");
        Near(p, actual.PValue, "p");
    }

    /// <summary>Every number of a Bayesian result, in GrowthBook's order.</summary>
    public static void Bayesian(BayesianResult actual, double lift, double low, double high, double sd, double chanceToWin, double riskControl, double riskVariant)
    {
        Near(lift, actual.Estimate, "lift");
        Near(low, actual.Low, "CI low");
        Near(high, actual.High, "CI high");
        Near(sd, actual.StandardDeviation, "sd");
        Near(chanceToWin, actual.ChanceToBeatControl, "chance to win");
        Near(riskControl, actual.RiskOfChoosingControl, "risk[0]");
        Near(riskVariant, actual.RiskOfChoosingVariant, "risk[1]");
    }

    public static void Interval(double low, double high, FrequentistResult actual, double tolerance = Tolerance)
    {
        Near(low, actual.Low, "CI low", tolerance);
        Near(high, actual.High, "CI high", tolerance);
    }
}
