using MarketingOps.Core.Access;

namespace MarketingOps.Host.Application;

/// <summary>Who is calling through the API or dashboard, as the post history and the inbox record it.</summary>
/// <param name="Name">The user's name; for a token without a user, <c>token NAME</c>.</param>
/// <param name="Role">What the caller may do.</param>
/// <param name="Channel">How they came in: <c>api</c>, <c>dashboard</c> or <c>mcp</c>.</param>
/// <param name="TokenName">The token used, if any.</param>
internal sealed record Actor(string Name, UserRole Role, string Channel, string? TokenName = null)
{
    /// <summary>The words the history uses: <c>alice (api)</c>, <c>alice (api, token zapier)</c>.</summary>
    public string By => TokenName is null || Name.StartsWith("token ", StringComparison.Ordinal)
        ? $"{Name} ({Channel})"
        : $"{Name} ({Channel}, token {TokenName})";

    /// <summary>A stable key for per-caller records such as idempotency keys.</summary>
    public string Key => TokenName is null ? $"user:{Name}" : $"token:{Name}:{TokenName}";

    public bool Has(UserRole role) => Role >= role;
}
