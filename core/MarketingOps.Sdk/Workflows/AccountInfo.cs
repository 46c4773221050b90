namespace MarketingOps.Sdk;

/// <summary>An account as a workflow sees it: no credentials.</summary>
/// <param name="Platform">The platform's id.</param>
/// <param name="Name">The account's name within the host.</param>
/// <param name="TimeZone">The account's IANA time zone.</param>
public sealed record AccountInfo(string Platform, string Name, string TimeZone);
