using Microsoft.Extensions.Configuration;

namespace MarketingOps.Sdk;

/// <summary>One of the client's accounts on a platform, as configured in <c>plugins.json</c>.</summary>
/// <param name="Name">The account's name within the host, used by posts and secrets.</param>
/// <param name="TimeZone">The account's IANA time zone.</param>
/// <param name="Settings">The account's platform-specific settings (handle, instance URL and the like).</param>
public sealed record PluginAccount(string Name, string TimeZone, IConfiguration Settings);
