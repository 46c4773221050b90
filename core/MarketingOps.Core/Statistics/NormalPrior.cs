using System.Globalization;

namespace MarketingOps.Core.Statistics;

/// <summary>A normal prior on the lift, stated on the <paramref name="Scale"/> it is meant for.</summary>
internal sealed record NormalPrior(double Mean, double Variance, LiftKind Scale = LiftKind.Relative)
{
    /// <summary>
    /// N(0, 0.3²) on the relative lift: lifts beyond ±60 % are unlikely. Informative, not weak, for social posts:
    /// at a few thousand impressions it carries as much weight as the data and pulls large true lifts far towards 0,
    /// so it is an explicit choice, never the default.
    /// </summary>
    public static NormalPrior Weak { get; } = new(0, 0.09);

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>"N(0, 0.3²) on the relative lift".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"N({(Scale == LiftKind.Relative ? Mean.ToString("0.###", CultureInfo.InvariantCulture) : Mean.ToString("G4", CultureInfo.InvariantCulture))}, {StandardDeviation:G3}²) on the {(Scale == LiftKind.Relative ? "relative" : "absolute")} lift");

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
