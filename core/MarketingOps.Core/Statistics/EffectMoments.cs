namespace MarketingOps.Core.Statistics;

/// <summary>Point estimate, standard error and Welch–Satterthwaite degrees of freedom of a lift.</summary>
internal static class EffectMoments
{
    public const string ZeroVarianceProblem = "an arm has zero variance";
    public const string ZeroBaselineProblem = "the control's mean is zero";

    public static EffectEstimate Compute(IArmSummary control, IArmSummary variant, LiftKind kind)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variant);
        var total = control.Count + variant.Count;
        if (control.Variance <= 0 || variant.Variance <= 0)
        {
            return new EffectEstimate(0, 0, 0, total, kind, ZeroVarianceProblem);
        }

        if (control.Mean == 0)
        {
            return new EffectEstimate(0, 0, 0, total, kind, ZeroBaselineProblem);
        }

        double varA = control.Variance / control.Count, varB = variant.Variance / variant.Count;
        double estimate, variance;
        if (kind == LiftKind.Relative)
        {
            estimate = (variant.Mean - control.Mean) / Math.Abs(control.Mean);
            variance = DeltaMethod.VarianceOfRatio(variant.Mean, varB, control.Mean, varA, 0);
        }
        else
        {
            estimate = variant.Mean - control.Mean;
            variance = varA + varB;
        }

        if (variance <= 0)
        {
            return new EffectEstimate(0, 0, 0, total, kind, ZeroVarianceProblem);
        }

        return new EffectEstimate(estimate, Math.Sqrt(variance), WelchDegreesOfFreedom(control, variant), total, kind);
    }

    /// <summary>Welch–Satterthwaite approximation, from the arms' own variances.</summary>
    public static double WelchDegreesOfFreedom(IArmSummary control, IArmSummary variant)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variant);
        double a = control.Variance / control.Count, b = variant.Variance / variant.Count;
        double denominator = (a * a / (control.Count - 1)) + (b * b / (variant.Count - 1));
        return (a + b) * (a + b) / denominator;
    }
}
