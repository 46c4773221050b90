namespace MarketingOps.Core.Statistics;

/// <summary>Correction of p-values when several variants are compared with one control.</summary>
internal enum PValueAdjustment
{
    None,

    /// <summary>Holm's step-down method: controls the family-wise error rate.</summary>
    Holm,

    /// <summary>Benjamini–Hochberg: controls the false discovery rate.</summary>
    BenjaminiHochberg,
}
