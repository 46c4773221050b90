namespace MarketingOps.Plugins.Shared;

/// <summary>An OAuth 2.0 token endpoint's answer (RFC 6749 §5): the tokens, or the error.</summary>
/// <remarks>A class, not a record, so that no generated ToString can print a token.</remarks>
internal sealed class TokenAnswer
{
    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires, from <c>expires_in</c>; null when the server gave none.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The granted scopes, space-separated as the server sent them.</summary>
    public string? Scope { get; init; }

    /// <summary>The RFC 6749 error code (<c>invalid_grant</c>) or, without one, a description of the failure.</summary>
    public string? Error { get; init; }

    public int Status { get; init; }

    public bool Succeeded => AccessToken is { Length: > 0 };

    /// <summary>Whether the server refused the grant (as opposed to being unreachable or broken).</summary>
    public bool Refused => Status is 400 or 401 or 403;

    public IReadOnlyList<string> Scopes => Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public override string ToString() => Succeeded ? "TokenAnswer(tokens)" : $"TokenAnswer({Status}, {Error})";
}
