namespace MarketingOps.Core.Publishing.Recovery;

/// <summary>What one pass of the running recovery sweep did.</summary>
/// <param name="ClaimsSettled">Posts left Publishing by a gone host (or by this one) that were looked up and settled.</param>
/// <param name="TriggersRestored">Overdue Scheduled posts that had no trigger and got one.</param>
/// <param name="HeldPostsRepaired">PendingApproval posts without an inbox item that got one.</param>
internal sealed record SweepReport(int ClaimsSettled, int TriggersRestored, int HeldPostsRepaired);
