namespace MarketingOps.Core.Statistics;

/// <summary>Settings of the statistics engine.</summary>
internal sealed class StatisticsOptions
{
    /// <summary>Significance level of tests and 1 − coverage of intervals. The default value is 0.05.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Total units (both arms) at which sequential intervals are tightest (N*). The default value is 5000.</summary>
    public double SequentialTuning { get; set; } = SequentialTest.DefaultTuning;

    /// <summary>
    /// An informative prior on the lift for Bayesian analysis; null for none, as GrowthBook does. A prior such as
    /// <see cref="NormalPrior.Weak"/> pulls large true lifts towards 0 at social posts' sample sizes, so it is an
    /// explicit choice whose weight the report prints. The default value is null.
    /// </summary>
    public NormalPrior? Prior { get; set; }

    /// <summary>Correction applied when more than one variant is compared with the control. The default value is Holm.</summary>
    public PValueAdjustment Adjustment { get; set; } = PValueAdjustment.Holm;

    /// <summary>Chance to win at or above which a Bayesian verdict calls the variant better (at or below 1 − it, worse). The default value is 0.95.</summary>
    public double ChanceToBeatControlThreshold { get; set; } = 0.95;

    /// <summary>Units (impressions) every arm needs before any verdict. The default value is 50.</summary>
    public long MinimumUnitsPerArm { get; set; } = 50;

    /// <summary>Events (clicks, replies) every arm of a proportion needs before any verdict. The default value is 5.</summary>
    public long MinimumEventsPerArm { get; set; } = 5;

    /// <summary>χ² p-value below which a sample ratio mismatch may be flagged. The default value is 0.001.</summary>
    public double SrmPValueThreshold { get; set; } = 0.001;

    /// <summary>Smallest |observed − planned| share (0.01 = one percentage point) worth flagging. The default value is 0.01.</summary>
    public double SrmMinimumShareDeviation { get; set; } = 0.01;

    /// <summary>Smallest |observed − planned| share relative to the planned share worth flagging. The default value is 0.02.</summary>
    public double SrmMinimumRelativeDeviation { get; set; } = 0.02;
}
