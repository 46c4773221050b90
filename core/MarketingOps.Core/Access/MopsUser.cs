namespace MarketingOps.Core.Access;

/// <summary>A person who signs in to the API or dashboard; the password is kept only as Identity's hash.</summary>
public sealed record MopsUser(string Id, string Name, UserRole Role)
{
    public string PasswordHash { get; init; } = string.Empty;

    /// <summary>Changes with the password, so sessions signed in before a reset stop working.</summary>
    public string SecurityStamp { get; init; } = string.Empty;

    public int FailedLogins { get; init; }

    public DateTimeOffset? LockoutUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
