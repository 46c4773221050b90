using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Core.Inbox;

namespace MarketingOps.Core.Storage;

/// <summary>
/// The inbox as a table of the post store's database, so the CLI, a running host and every node of a cluster see
/// the same items. The columns are what queries filter on; the item itself is kept whole as JSON.
/// </summary>
internal sealed class SqlInboxStore(AdoPostStore database) : IInboxStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds one item unless its id exists; the post store runs it inside its own transactions too.</summary>
    internal const string InsertSql =
        "INSERT INTO inbox_items (id, status, account_key, source, trigger_event_id, proposed_at, item) " +
        "VALUES (@id, @status, @account_key, @source, @trigger_event_id, @proposed_at, @item) ON CONFLICT (id) DO NOTHING";

    public async Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await database.WriteAsync(
            InsertSql,
            c => AddItem(c, item),
            cancellationToken) == 1;
    }

    public async Task UpdateAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var changed = await database.WriteAsync(
            "UPDATE inbox_items SET status = @status, account_key = @account_key, source = @source, trigger_event_id = @trigger_event_id, " +
            "proposed_at = @proposed_at, item = @item WHERE id = @id",
            c => AddItem(c, item),
            cancellationToken);
        if (changed == 0)
        {
            throw new InvalidOperationException($"No inbox item '{item.Id}' to update.");
        }
    }

    public async Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        FirstOf(await QueryAsync("WHERE id = @id", c => AdoPostStore.Add(c, "@id", id), cancellationToken));

    public async Task<InboxItem?> FindByTriggerAsync(string source, string account, string triggerEventId, CancellationToken cancellationToken) =>
        FirstOf(await QueryAsync(
            "WHERE source = @source AND account_key = @account_key AND trigger_event_id = @trigger_event_id",
            c =>
            {
                AdoPostStore.Add(c, "@source", source);
                AdoPostStore.Add(c, "@account_key", Key(account));
                AdoPostStore.Add(c, "@trigger_event_id", triggerEventId);
            },
            cancellationToken));

    public Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken) =>
        status is { } wanted
            ? QueryAsync("WHERE status = @status", c => AdoPostStore.Add(c, "@status", wanted.ToString()), cancellationToken)
            : QueryAsync(string.Empty, _ => { }, cancellationToken);

    public async Task<InboxPage> ListPageAsync(InboxItemStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        // ix_inbox_status serves both the count and the page; only the page's items are read and parsed.
        var where = status is null ? string.Empty : "WHERE status = @status";
        void Status(System.Data.Common.DbCommand c)
        {
            if (status is { } wanted)
            {
                AdoPostStore.Add(c, "@status", wanted.ToString());
            }
        }

        int total;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var count = AdoPostStore.Command(connection, null, $"SELECT COUNT(*) FROM inbox_items {where}"))
        {
            Status(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = await QueryAsync(where, c =>
        {
            Status(c);
            AdoPostStore.Add(c, "@take", take);
            AdoPostStore.Add(c, "@skip", skip);
        }, cancellationToken, " LIMIT @take OFFSET @skip");
        return new InboxPage(total, items);
    }

    private async Task<IReadOnlyList<InboxItem>> QueryAsync(string where, Action<System.Data.Common.DbCommand> parameters, CancellationToken cancellationToken, string page = "")
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, $"SELECT item FROM inbox_items {where} ORDER BY proposed_at, id{page}");
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<InboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize<InboxItem>(reader.GetString(0), Json)
                ?? throw new InvalidOperationException($"An inbox item in {database.Description} is empty."));
        }

        return items;
    }

    internal static void AddItem(System.Data.Common.DbCommand command, InboxItem item)
    {
        AdoPostStore.Add(command, "@id", item.Id);
        AdoPostStore.Add(command, "@status", item.Status.ToString());
        AdoPostStore.Add(command, "@account_key", Key(item.Account));
        AdoPostStore.Add(command, "@source", item.Source);
        AdoPostStore.Add(command, "@trigger_event_id", item.TriggerEventId);
        AdoPostStore.Add(command, "@proposed_at", item.ProposedAt.ToUnixTimeMilliseconds());
        AdoPostStore.Add(command, "@item", JsonSerializer.Serialize(item, Json));
    }

    private static string Key(string account) => account.ToLowerInvariant();

    private static T? FirstOf<T>(IReadOnlyList<T> items)
        where T : class => items.Count == 0 ? null : items[0];
}
