namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>An account created on the test PDS.</summary>
public sealed record TestAccount(string Handle, string Did, string Password);
