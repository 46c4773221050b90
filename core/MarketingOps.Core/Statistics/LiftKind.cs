namespace MarketingOps.Core.Statistics;

/// <summary>How a variant is compared with the control.</summary>
internal enum LiftKind
{
    /// <summary>(μB − μA) / |μA|, with its standard error from the delta method.</summary>
    Relative,

    /// <summary>μB − μA.</summary>
    Absolute,
}
