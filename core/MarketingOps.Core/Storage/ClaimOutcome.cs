namespace MarketingOps.Core.Storage;

/// <summary>What an attempt to start publishing a post came to.</summary>
internal enum ClaimOutcome
{
    /// <summary>The post is now <c>Publishing</c>, owned by the caller.</summary>
    Claimed,

    /// <summary>Another post of the account is being published.</summary>
    AccountBusy,

    /// <summary>An account budget is spent until <see cref="ClaimResult.RetryAt"/>.</summary>
    BudgetSpent,

    /// <summary>The post changed since it was read (cancelled, claimed elsewhere).</summary>
    Lost,
}
