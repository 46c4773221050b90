namespace MarketingOps.Core.Accounts.Connecting;

/// <summary>A browser sign-in under way: the URL the user opens, and what the redirect must bring back.</summary>
/// <remarks>A class, not a record, so that no generated ToString can print the verifier.</remarks>
internal sealed class PendingAuthorization(string account, string platform, Uri redirectUri, Uri authorizationUrl, string state, string verifier, DateTimeOffset expiresAt)
{
    public string Account { get; } = account;

    public string Platform { get; } = platform;

    public Uri RedirectUri { get; } = redirectUri;

    public Uri AuthorizationUrl { get; } = authorizationUrl;

    public string State { get; } = state;

    public string Verifier { get; } = verifier;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public override string ToString() => $"PendingAuthorization({Account})";
}
