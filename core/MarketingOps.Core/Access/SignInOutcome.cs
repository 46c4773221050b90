namespace MarketingOps.Core.Access;

/// <summary>How a password sign-in ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown name or wrong password; deliberately not told apart.</summary>
    Failed,

    /// <summary>Too many failures; the account waits until <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,
}
