namespace MarketingOps.Core.Inbox;

/// <summary>An inbox held in memory, for tests and the demo.</summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Lock _lock = new();
    private readonly List<InboxItem> _items = [];

    public Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            if (_items.Any(i => i.Id == item.Id))
            {
                return Task.FromResult(false);
            }

            _items.Add(item);
            return Task.FromResult(true);
        }
    }

    public Task UpdateAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            var index = _items.FindIndex(i => i.Id == item.Id);
            if (index < 0)
            {
                throw new InvalidOperationException($"No inbox item '{item.Id}' to update.");
            }

            _items[index] = item;
        }

        return Task.CompletedTask;
    }

    public Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.FirstOrDefault(i => i.Id == id));
        }
    }

    public Task<InboxItem?> FindByTriggerAsync(string source, string account, string triggerEventId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_items.FirstOrDefault(i =>
                i.Source == source && i.TriggerEventId == triggerEventId && string.Equals(i.Account, account, StringComparison.OrdinalIgnoreCase)));
        }
    }

    public Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<InboxItem> items = [.. _items.Where(i => status is null || i.Status == status).OrderBy(i => i.ProposedAt)];
            return Task.FromResult(items);
        }
    }
}
