using MarketingOps.Core.Access;

namespace MarketingOps.Host.Application;

/// <summary>A token as listed: its id and name, never its secret or hash.</summary>
internal sealed record TokenView(string Id, string Name, UserRole Role, string? User, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static TokenView From(ApiToken token, string? userName)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new TokenView(token.Id, token.Name, token.Role, userName, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
    }
}
