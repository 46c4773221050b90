namespace MarketingOps.Sdk;

/// <summary>Describes a platform to the host: its id, capabilities, limits and automation rules.</summary>
/// <param name="Id">The platform's id, the same as its plugin's id.</param>
/// <param name="DisplayName">The name shown to users.</param>
/// <param name="Capabilities">What the platform supports.</param>
/// <param name="Limits">Text, media, batch and rate limits.</param>
public sealed record PlatformDescriptor(string Id, string DisplayName, PlatformCapabilities Capabilities, PlatformLimits Limits)
{
    /// <summary>The platform's rules for automated accounts. The default value is the strictest set.</summary>
    public AutomationRules Automation { get; init; } = new();

    /// <summary>
    /// What protects a repeated publish (added in SDK 1.1). The default value is <see langword="null"/>, not declared:
    /// the host then reads <see cref="PlatformCapabilities.Idempotency"/> as a key kept for one hour, and its absence as
    /// <see cref="RepeatProtection.None"/>.
    /// </summary>
    public RepeatProtection? RepeatProtection { get; init; }

    /// <summary>
    /// The options a draft may carry in <see cref="PostDraft.Options"/> (added in SDK 1.1), each name with what it does,
    /// as users see them in <c>mops post schedule --option NAME VALUE</c>. The host refuses any other name, so an option a
    /// plugin would ignore is never taken silently; the plugin's validation judges the values. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
