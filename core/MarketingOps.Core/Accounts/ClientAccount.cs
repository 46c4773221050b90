using Microsoft.Extensions.Configuration;

namespace MarketingOps.Core.Accounts;

/// <summary>One of the client's accounts, as configured under its platform plugin in <c>plugins.json</c>.</summary>
/// <param name="Name">Unique within the client folder; what <c>--account</c> names.</param>
/// <param name="Platform">The platform plugin's id.</param>
/// <param name="TimeZone">IANA time zone used for local times, quiet hours and caps.</param>
public sealed record ClientAccount(string Name, string Platform, TimeZoneInfo TimeZone)
{
    /// <summary>Every post of this account waits in the approval inbox. The default value is false.</summary>
    public bool ApprovalRequired { get; init; }

    /// <summary>Platform-specific settings handed to the plugin (handle, instance URL, …).</summary>
    public IConfiguration Settings { get; init; } = new ConfigurationBuilder().Build();
}
