namespace MarketingOps.Core.Statistics;

/// <summary>What the engine concludes about one variant against the control.</summary>
internal enum Verdict
{
    /// <summary>An arm is below the minimum data; no verdict yet, whatever the numbers say.</summary>
    NotEnoughData,

    /// <summary>No analysis possible (e.g. zero variance or a zero baseline); see the problem text.</summary>
    NotAnalysable,

    Inconclusive,

    /// <summary>The variant is better in the metric's own direction.</summary>
    VariantBetter,

    VariantWorse,
}
