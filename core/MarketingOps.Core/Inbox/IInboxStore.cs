namespace MarketingOps.Core.Inbox;

/// <summary>Durable storage of inbox items.</summary>
public interface IInboxStore
{
    /// <summary>Adds a new item; false when an item with its id exists.</summary>
    Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>Replaces an item, its decisions included.</summary>
    Task UpdateAsync(InboxItem item, CancellationToken cancellationToken);

    Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The item a source already proposed for an audience event, so one event yields one proposal.</summary>
    Task<InboxItem?> FindByTriggerAsync(string source, string account, string triggerEventId, CancellationToken cancellationToken);

    /// <summary>Items, oldest first; all of them when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="take"/> items after the first <paramref name="skip"/>, oldest first, and the count of all;
    /// a store with an index overrides this so a page of a long inbox reads only that page.
    /// </summary>
    async Task<InboxPage> ListPageAsync(InboxItemStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        var all = await ListAsync(status, cancellationToken);
        return new InboxPage(all.Count, [.. all.Skip(skip).Take(take)]);
    }
}
