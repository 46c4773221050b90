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
}
