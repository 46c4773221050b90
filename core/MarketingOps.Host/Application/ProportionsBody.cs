namespace MarketingOps.Host.Application;

/// <summary>The proportions calculator's input, as <c>mops stats proportions</c> takes it: counts as <c>EVENTS/TRIALS</c>.</summary>
internal sealed record ProportionsBody(
    string Control,
    IReadOnlyList<string> Variants,
    string? Method = null,
    bool Relative = false,
    bool Absolute = false,
    double? Alpha = null,
    double? Tuning = null,
    string? Prior = null,
    string? Adjust = null,
    bool LowerIsBetter = false);
