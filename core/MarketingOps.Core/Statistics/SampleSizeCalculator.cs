using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>Power analysis for comparing two rates with equal arms.</summary>
internal static class SampleSizeCalculator
{
    /// <summary>
    /// Per-arm n for a two-sided two-proportion z-test (Fleiss' classic formula, no continuity correction):
    /// n = (z₁₋α/₂ √(2 p̄ q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₂ − p₁)², with p₂ = p₁ (1 + relative effect).
    /// </summary>
    public static SampleSizeResult TwoProportions(double baselineRate, double relativeEffect, double alpha = 0.05, double power = 0.8)
    {
        if (!(baselineRate is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineRate), baselineRate, "The baseline rate must be between 0 and 1, e.g. 0.03 for 3 %.");
        }

        var variantRate = baselineRate * (1 + relativeEffect);
        if (relativeEffect == 0 || !double.IsFinite(relativeEffect) || !(variantRate is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeEffect), relativeEffect, "The minimum detectable relative effect must be non-zero and keep the variant's rate between 0 and 1, e.g. 0.1 for +10 %.");
        }

        if (!(alpha is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1, e.g. 0.05.");
        }

        if (!(power is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must be between 0 and 1, e.g. 0.8.");
        }

        var zAlpha = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zPower = Normal.InvCDF(0, 1, power);
        var mean = (baselineRate + variantRate) / 2;
        var root = (zAlpha * Math.Sqrt(2 * mean * (1 - mean)))
            + (zPower * Math.Sqrt((baselineRate * (1 - baselineRate)) + (variantRate * (1 - variantRate))));
        var difference = variantRate - baselineRate;
        var n = root * root / (difference * difference);
        return new SampleSizeResult((long)Math.Ceiling(n - 1e-9), n, baselineRate, variantRate, alpha, power);
    }
}
