namespace MarketingOps.Host.Application;

/// <summary>A token just made; <see cref="Value"/> is shown this once and cannot be read again.</summary>
internal sealed record CreatedToken(TokenView Token, string Value);
