namespace MarketingOps.Scripting;

/// <summary>When an experiment may declare a winner.</summary>
/// <param name="Method">The statistics used.</param>
/// <param name="Threshold">The method's level: alpha for sequential and frequentist, the chance to beat the control for Bayesian, the minimum share per arm for a bandit.</param>
public sealed record DecisionRule(DecisionMethod Method, double Threshold)
{
    /// <summary>Impressions each variant needs before any verdict. The default value is 50.</summary>
    public int MinImpressionsPerVariant { get; init; } = 50;

    /// <summary>Events (the metric's numerator) each variant needs before any verdict. The default value is 5.</summary>
    public int MinEventsPerVariant { get; init; } = 5;

    /// <summary>Always-valid sequential test at level <paramref name="alpha"/>: you may look every hour.</summary>
    public static DecisionRule Sequential(double alpha = 0.05) => new(DecisionMethod.Sequential, alpha);

    /// <summary>Fixed-horizon Welch test at level <paramref name="alpha"/>, read once at the end.</summary>
    public static DecisionRule Frequentist(double alpha = 0.05) => new(DecisionMethod.Frequentist, alpha);

    /// <summary>Declare a winner once its chance to beat the control reaches <paramref name="chanceToBeatControl"/>.</summary>
    public static DecisionRule Bayesian(double chanceToBeatControl = 0.95) => new(DecisionMethod.Bayesian, chanceToBeatControl);

    /// <summary>Rotate variants by Thompson sampling, never giving one less than <paramref name="minShare"/> of the posts.</summary>
    public static DecisionRule Bandit(double minShare = 0.1) => new(DecisionMethod.Bandit, minShare);
}
