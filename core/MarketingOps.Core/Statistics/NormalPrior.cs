namespace MarketingOps.Core.Statistics;

/// <summary>A normal prior on the lift, stated on the <paramref name="Scale"/> it is meant for.</summary>
internal sealed record NormalPrior(double Mean, double Variance, LiftKind Scale = LiftKind.Relative)
{
    /// <summary>N(0, 0.3²) on the relative lift: lifts beyond ±60 % are unlikely, which tames tiny samples.</summary>
    public static NormalPrior Weak { get; } = new(0, 0.09);

    /// <summary>The prior on the scale of the lift being estimated; relative ↔ absolute via the control's mean.</summary>
    public NormalPrior On(LiftKind kind, double controlMean)
    {
        if (kind == Scale)
        {
            return this;
        }

        return kind == LiftKind.Absolute
            ? new NormalPrior(Mean * Math.Abs(controlMean), Variance * controlMean * controlMean, kind)
            : new NormalPrior(Mean / Math.Abs(controlMean), Variance / (controlMean * controlMean), kind);
    }
}
