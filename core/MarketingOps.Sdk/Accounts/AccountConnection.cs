namespace MarketingOps.Sdk;

/// <summary>An account's connection as the platform sees it: never a credential, only facts about it.</summary>
/// <param name="State">Whether the credentials work.</param>
public sealed record AccountConnection(ConnectionState State)
{
    /// <summary>The handle the credentials belong to, when known.</summary>
    public string? Handle { get; init; }

    /// <summary>What the credentials allow (OAuth scopes, or a description such as <c>app password</c>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When the current access token expires; null when it does not, or is unknown.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Whether the platform renews the access token without the user (a refresh token or a password).</summary>
    public bool Renewable { get; init; }

    /// <summary>Why the state is what it is, in words a user understands (for example the platform's error).</summary>
    public string? Detail { get; init; }
}
