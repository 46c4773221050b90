namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>
/// One entry of <c>rates</c>: posts whose text contains <see cref="Contains"/> (case-insensitive) and whose
/// draft option <c>variant</c> equals <see cref="Variant"/> (each only when set) get <see cref="Rates"/>.
/// </summary>
internal sealed record RateRule(string? Contains, string? Variant, EngagementRates Rates)
{
    public bool Matches(string text, IReadOnlyDictionary<string, string> options) =>
        (Contains is null || text.Contains(Contains, StringComparison.OrdinalIgnoreCase))
        && (Variant is null || (options.TryGetValue("variant", out var variant) && string.Equals(variant, Variant, StringComparison.OrdinalIgnoreCase)));
}
