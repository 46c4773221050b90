namespace MarketingOps.Core.Guardrails;

/// <summary>
/// A message history that other processes write to too, read as a feed of changes so a long-running process
/// can bring its ledger up to date with one cheap query instead of reading everything again.
/// </summary>
internal interface IMessageHistoryFeed
{
    /// <summary>The position of the newest change; read before the initial load so nothing after it is missed.</summary>
    Task<long> GetPositionAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="after"/>, in position order.</summary>
    Task<IReadOnlyList<MessageHistoryChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken);
}
