namespace MarketingOps.Core.Access;

/// <summary>The result of a password sign-in: the user when it succeeded.</summary>
public sealed record SignInResult(SignInOutcome Outcome, MopsUser? User = null, DateTimeOffset? LockedUntil = null);
