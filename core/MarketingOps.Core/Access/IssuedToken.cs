namespace MarketingOps.Core.Access;

/// <summary>A token just created: <see cref="Value"/> is shown once and never stored.</summary>
public sealed record IssuedToken(ApiToken Token, string Value);
