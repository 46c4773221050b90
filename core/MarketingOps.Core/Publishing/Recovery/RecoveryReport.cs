namespace MarketingOps.Core.Publishing.Recovery;

/// <summary>What start-up recovery did.</summary>
/// <param name="Reconciled">Posts left Publishing that were looked up and settled.</param>
/// <param name="TriggersRestored">Scheduled posts that had no trigger and got one.</param>
internal sealed record RecoveryReport(int Reconciled, int TriggersRestored);
