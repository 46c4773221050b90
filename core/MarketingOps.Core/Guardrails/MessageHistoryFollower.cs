namespace MarketingOps.Core.Guardrails;

/// <summary>
/// Follows an <see cref="IMessageHistoryFeed"/> from a high-water mark. Positions can become visible out of order
/// (PostgreSQL hands out sequence numbers before commit), so a skipped position is kept as a gap and read again
/// until it shows up or <see cref="GapTimeout"/> passes (a rolled-back transaction never fills its gap). Not thread-safe.
/// </summary>
internal sealed class MessageHistoryFollower(IMessageHistoryFeed feed, TimeProvider clock)
{
    /// <summary>How long a skipped position is waited for: far longer than any write transaction of the store.</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromMinutes(2);

    private const int BatchSize = 1000;
    private const int MaxGaps = 10_000;

    private readonly SortedDictionary<long, DateTimeOffset> _gaps = [];
    private long _mark;

    public long Mark => _mark;

    public int Gaps => _gaps.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _mark = await feed.GetPositionAsync(cancellationToken);
        _gaps.Clear();
    }

    /// <summary>The changes not seen yet, oldest first; one indexed query when nothing changed.</summary>
    public async Task<IReadOnlyList<MessageHistoryChange>> PollAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _gaps.Where(g => now - g.Value > GapTimeout).Select(g => g.Key).ToList())
        {
            _gaps.Remove(expired);
        }

        var found = new List<MessageHistoryChange>();
        var after = _gaps.Count > 0 ? Math.Min(_gaps.First().Key - 1, _mark) : _mark;
        while (true)
        {
            var batch = await feed.ReadChangesAsync(after, BatchSize, cancellationToken);
            foreach (var change in batch)
            {
                if (change.Position > _mark)
                {
                    for (var skipped = _mark + 1; skipped < change.Position && _gaps.Count < MaxGaps; skipped++)
                    {
                        _gaps[skipped] = now;
                    }

                    _mark = change.Position;
                    found.Add(change);
                }
                else if (_gaps.Remove(change.Position))
                {
                    found.Add(change);
                }
            }

            if (batch.Count < BatchSize)
            {
                return found;
            }

            after = batch[^1].Position;
        }
    }
}
