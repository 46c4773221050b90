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
}
