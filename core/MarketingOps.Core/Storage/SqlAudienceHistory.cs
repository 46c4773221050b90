using System.Data.Common;
using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Audience events as a table of the post store's database, so "did this person message us first?" survives a
/// restart and is the same answer on every node.
/// </summary>
internal sealed class SqlAudienceHistory(AdoPostStore database) : IAudienceHistory
{
    private const string Columns = "event_id, kind, handle, occurred_at, text, post_id";

    public async Task RecordAsync(string account, IReadOnlyList<AudienceEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, durable: true, cancellationToken);
        foreach (var audienceEvent in events)
        {
            await using var command = AdoPostStore.Command(connection, transaction,
                $"INSERT INTO audience_events (account_key, handle_key, {Columns}) VALUES (@account_key, @handle_key, @event_id, @kind, @handle, @occurred_at, @text, @post_id) " +
                "ON CONFLICT (account_key, event_id) DO NOTHING");
            AdoPostStore.Add(command, "@account_key", Key(account));
            AdoPostStore.Add(command, "@handle_key", Handles.Normalize(audienceEvent.Handle));
            AdoPostStore.Add(command, "@event_id", audienceEvent.Id);
            AdoPostStore.Add(command, "@kind", audienceEvent.Kind.ToString());
            AdoPostStore.Add(command, "@handle", audienceEvent.Handle);
            AdoPostStore.Add(command, "@occurred_at", audienceEvent.OccurredAt.ToUnixTimeMilliseconds());
            AdoPostStore.Add(command, "@text", audienceEvent.Text);
            AdoPostStore.Add(command, "@post_id", audienceEvent.PostId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AudienceEvent?> FindEventAsync(string account, string eventId, CancellationToken cancellationToken) =>
        FirstOf(await QueryAsync("event_id = @value", account, eventId, cancellationToken));

    public async Task<AudienceEvent?> FindByPostAsync(string account, string postId, CancellationToken cancellationToken) =>
        FirstOf(await QueryAsync("post_id = @value", account, postId, cancellationToken));

    public Task<IReadOnlyList<AudienceEvent>> GetEventsFromAsync(string account, string handle, CancellationToken cancellationToken) =>
        QueryAsync("handle_key = @value", account, Handles.Normalize(handle), cancellationToken);

    private async Task<IReadOnlyList<AudienceEvent>> QueryAsync(string condition, string account, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null,
            $"SELECT {Columns} FROM audience_events WHERE account_key = @account_key AND {condition} ORDER BY occurred_at, event_id");
        AdoPostStore.Add(command, "@account_key", Key(account));
        AdoPostStore.Add(command, "@value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AudienceEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    private static AudienceEvent Read(DbDataReader r) => new(
        r.GetString(0),
        Enum.Parse<AudienceEventKind>(r.GetString(1)),
        r.GetString(2),
        AdoPostStore.FromUnix(r.GetInt64(3)),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5));

    private static string Key(string account) => account.ToLowerInvariant();

    private static T? FirstOf<T>(IReadOnlyList<T> items)
        where T : class => items.Count == 0 ? null : items[0];
}
