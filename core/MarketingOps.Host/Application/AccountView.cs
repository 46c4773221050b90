namespace MarketingOps.Host.Application;

/// <summary>One of the client's accounts: its platform, zone and the limits its posts meet. Its settings are never shown (they may name secrets).</summary>
internal sealed record AccountView(string Name, string Platform, string TimeZone, bool ApprovalRequired, bool PlatformActive, AccountLimits Limits);
