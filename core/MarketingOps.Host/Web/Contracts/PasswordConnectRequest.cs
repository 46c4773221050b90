namespace MarketingOps.Host.Web.Contracts;

/// <summary>A handle and an app password to connect an account whose platform signs in with them (Bluesky).</summary>
/// <remarks>A class, not a record, so that no generated ToString can print the password.</remarks>
internal sealed class PasswordConnectRequest
{
    /// <summary>The handle to sign in as; the account's handle in plugins.json when absent.</summary>
    public string? Handle { get; init; }

    /// <summary>An app password, never the account's main password; stored encrypted, never echoed.</summary>
    public string AppPassword { get; init; } = "";

    public override string ToString() => $"PasswordConnectRequest({Handle})";
}
