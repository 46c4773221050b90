namespace MarketingOps.Core.Access;

/// <summary>A personal API token as stored: its secret only as a SHA-256 hash.</summary>
/// <param name="Id">The public part of the token, shown in lists.</param>
/// <param name="Name">What the owner called it (for example <c>zapier</c>).</param>
/// <param name="Role">What it may do; never more than its user.</param>
public sealed record ApiToken(string Id, string Name, UserRole Role)
{
    /// <summary>The user it belongs to; none for a token made by the client folder's operator on the command line.</summary>
    public string? UserId { get; init; }

    public string SecretHash { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
