namespace MarketingOps.Scripting;

/// <summary>One variant's numbers so far.</summary>
/// <param name="Name">The variant's name.</param>
/// <param name="Posts">Posts of this variant that were published.</param>
/// <param name="Denominator">The metric's denominator summed over those posts (usually impressions).</param>
/// <param name="Numerator">The metric's numerator summed over those posts (e.g. link clicks).</param>
public sealed record VariantResult(string Name, int Posts, long Denominator, long Numerator)
{
    /// <summary>Numerator per denominator; null without data.</summary>
    public double? Rate => Denominator > 0 ? (double)Numerator / Denominator : null;

    /// <summary>Relative lift over the control (0.1 = 10 % better); null for the control or without data.</summary>
    public double? Lift { get; init; }

    /// <summary>The lift's interval at the decision rule's level; null when the engine has none.</summary>
    public double? LiftLow { get; init; }

    /// <summary>The lift's interval at the decision rule's level; null when the engine has none.</summary>
    public double? LiftHigh { get; init; }

    /// <summary>The chance this variant beats the control; null for the control, or when the engine has none.</summary>
    public double? ChanceToBeatControl { get; init; }

    /// <summary>
    /// The chance this variant is the best of all the variants, the control included (the chances add up to 1); null
    /// when the engine has none. With more than two variants it differs from <see cref="ChanceToBeatControl"/>.
    /// </summary>
    public double? ChanceToBeBest { get; init; }
}
