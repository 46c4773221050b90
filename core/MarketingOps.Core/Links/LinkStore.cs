using System.Data.Common;
using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Links;

/// <summary>
/// Rewritten links and their clicks, in tables beside the posts. A link row is only ever inserted: a code's target
/// cannot change once the code exists, so it cannot change after publishing either.
/// </summary>
internal sealed class LinkStore(LinkSchema schema, TimeProvider time, ILogger<LinkStore>? logger = null) : IAsyncDisposable, IDisposable
{
    // Until a short link exists, the metrics job need not ask for clicks; whether one does is asked again at most this often.
    private static readonly TimeSpan NoLinksRecheck = TimeSpan.FromSeconds(30);

    private volatile bool _shortLinksExist;

    /// <summary>Where a SQLite client's clicks are written before the redirect (null for PostgreSQL, whose clicks the redirect commits).</summary>
    public ClickJournal? Journal { get; } = schema.ClickJournalPath is { } path ? new ClickJournal(schema, path, time, (ILogger?)logger ?? NullLogger.Instance) : null;
    private long _checkedNoLinksAt = long.MinValue;

    private const string SummaryColumns =
        "l.post_id, l.account, l.original_url, l.target_url, l.created_at, l.code, l.short_url, p.experiment_id, p.variant, p.state, " +
        "(SELECT COUNT(*) FROM link_clicks c WHERE c.code = l.code AND c.agent IS NULL), " +
        "(SELECT COUNT(*) FROM link_clicks c WHERE c.code = l.code AND c.agent IS NOT NULL), " +
        "(SELECT MAX(c.at) FROM link_clicks c WHERE c.code = l.code AND c.agent IS NULL)";

    /// <summary>
    /// Stores how <paramref name="postId"/>'s text was rewritten, before the post itself is stored: a crash in between
    /// leaves rows of a post that does not exist, which no redirect serves (a code is looked up with its post).
    /// </summary>
    public async Task SaveAsync(string postId, string account, LinkRewrite rewrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        if (!rewrite.Changed)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var transaction = await schema.BeginWriteAsync(connection, durable: true, cancellationToken);
        await using (var text = AdoPostStore.Command(connection, transaction,
            "INSERT INTO link_texts (post_id, original_text, summary, updated_at) VALUES (@post_id, @original, @summary, @at) " +
            "ON CONFLICT (post_id) DO UPDATE SET original_text = excluded.original_text, summary = excluded.summary, updated_at = excluded.updated_at"))
        {
            AdoPostStore.Add(text, "@post_id", postId);
            AdoPostStore.Add(text, "@original", rewrite.OriginalText);
            AdoPostStore.Add(text, "@summary", rewrite.Summary);
            AdoPostStore.Add(text, "@at", now);
            await text.ExecuteNonQueryAsync(cancellationToken);
        }

        int next;
        await using (var count = AdoPostStore.Command(connection, transaction, "SELECT COALESCE(MAX(position), -1) + 1 FROM post_links WHERE post_id = @post_id"))
        {
            AdoPostStore.Add(count, "@post_id", postId);
            next = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        foreach (var link in rewrite.Links)
        {
            await using var insert = AdoPostStore.Command(connection, transaction,
                "INSERT INTO post_links (post_id, position, account, original_url, target_url, code, short_url, created_at) " +
                "VALUES (@post_id, @position, @account, @original, @target, @code, @short, @at)");
            AdoPostStore.Add(insert, "@post_id", postId);
            AdoPostStore.Add(insert, "@position", next++);
            AdoPostStore.Add(insert, "@account", account);
            AdoPostStore.Add(insert, "@original", link.OriginalUrl);
            AdoPostStore.Add(insert, "@target", link.TargetUrl);
            AdoPostStore.Add(insert, "@code", link.Code);
            AdoPostStore.Add(insert, "@short", link.ShortUrl);
            AdoPostStore.Add(insert, "@at", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _shortLinksExist |= rewrite.Links.Any(l => l.Code is not null);
    }

    /// <summary>Whether any short link exists (another process may make the first; it is seen within half a minute).</summary>
    private async Task<bool> ShortLinksExistAsync(CancellationToken cancellationToken)
    {
        if (_shortLinksExist)
        {
            return true;
        }

        var checkedAt = Interlocked.Read(ref _checkedNoLinksAt);
        if (checkedAt != long.MinValue && time.GetElapsedTime(checkedAt) < NoLinksRecheck)
        {
            return false;
        }

        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT COUNT(*) FROM (SELECT 1 FROM post_links WHERE code IS NOT NULL LIMIT 1) AS any_link");
        _shortLinksExist = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        Interlocked.Exchange(ref _checkedNoLinksAt, time.GetTimestamp());
        return _shortLinksExist;
    }

    /// <summary>Where a short link leads, with its post's state now; null for an unknown code, or one whose post was never stored.</summary>
    public async Task<LinkTarget?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null,
            "SELECT l.post_id, l.target_url, p.state FROM post_links l JOIN posts p ON p.id = l.post_id WHERE l.code = @code");
        AdoPostStore.Add(command, "@code", code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            && Uri.TryCreate(reader.GetString(1), UriKind.Absolute, out var target)
            && Enum.TryParse<PostState>(reader.GetString(2), ignoreCase: false, out var state)
                ? new LinkTarget(code, reader.GetString(0), target, state)
                : null;
    }

    // Clicks counted before a read are in what it reads.
    private Task CatchUpAsync(CancellationToken cancellationToken) => Journal?.CatchUpAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => Journal?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A connection that appends clicks, for a writer that keeps it open; the caller disposes it.</summary>
    public Task<ClickLog> OpenClickLogAsync(CancellationToken cancellationToken) => ClickLog.OpenAsync(schema, cancellationToken);

    /// <summary>A passive checkpoint of SQLite's WAL, for a click log that does not checkpoint its own commits.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await schema.OpenAsync(cancellationToken);
        await schema.CheckpointAsync(connection, cancellationToken);
    }

    /// <summary>Stores clicks in one transaction (see <see cref="ClickLog.Add"/>).</summary>
    public async Task AddClicksAsync(IReadOnlyList<LinkClick> clicks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        await using var log = await OpenClickLogAsync(cancellationToken);
        log.Add(clicks);
    }

    /// <summary>People's clicks per post, for posts that have short links (a post without one is absent: its clicks are the platform's to report).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountClicksAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        await CatchUpAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (postIds.Count == 0 || !await ShortLinksExistAsync(cancellationToken))
        {
            return counts;
        }

        await using var connection = await schema.OpenAsync(cancellationToken);
        foreach (var chunk in postIds.Distinct(StringComparer.Ordinal).Chunk(400))
        {
            await using var command = AdoPostStore.Command(connection, null, string.Empty);
            var names = new List<string>(chunk.Length);
            foreach (var id in chunk)
            {
                var name = "@p" + names.Count.ToString(CultureInfo.InvariantCulture);
                names.Add(name);
                AdoPostStore.Add(command, name, id);
            }

            command.CommandText =
                "SELECT l.post_id, COUNT(c.code) FROM post_links l LEFT JOIN link_clicks c ON c.code = l.code AND c.agent IS NULL " +
                $"WHERE l.code IS NOT NULL AND l.post_id IN ({string.Join(", ", names)}) GROUP BY l.post_id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return counts;
    }

    /// <summary>How a post's text was rewritten, with each link and its counts; null when its links were left as written.</summary>
    public async Task<PostLinks?> GetForPostAsync(string postId, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await using var connection = await schema.OpenAsync(cancellationToken);
        string original, summary;
        await using (var text = AdoPostStore.Command(connection, null, "SELECT original_text, summary FROM link_texts WHERE post_id = @post_id"))
        {
            AdoPostStore.Add(text, "@post_id", postId);
            await using var reader = await text.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (original, summary) = (reader.GetString(0), reader.GetString(1));
        }

        var links = await ListAsync(connection, new LinkQuery { PostId = postId, Limit = 1000 }, "l.position", cancellationToken);
        return new PostLinks(postId, original, summary, links);
    }

    /// <summary>Rewritten links, newest first.</summary>
    public async Task<IReadOnlyList<LinkSummary>> ListAsync(LinkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await CatchUpAsync(cancellationToken);
        await using var connection = await schema.OpenAsync(cancellationToken);
        return await ListAsync(connection, query, "l.created_at DESC, l.post_id, l.position", cancellationToken);
    }

    /// <summary>One short link by its code; null when there is none.</summary>
    public async Task<LinkSummary?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, $"SELECT {SummaryColumns} FROM post_links l JOIN posts p ON p.id = l.post_id WHERE l.code = @code");
        AdoPostStore.Add(command, "@code", code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Requests of a short link counted apart (bots, link previews, HEAD), by what sent them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountBotHitsAsync(string code, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await using var connection = await schema.OpenAsync(cancellationToken);
        await using var command = AdoPostStore.Command(connection, null, "SELECT agent, COUNT(*) FROM link_clicks WHERE code = @code AND agent IS NOT NULL GROUP BY agent ORDER BY agent");
        AdoPostStore.Add(command, "@code", code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits[reader.GetString(0)] = reader.GetInt64(1);
        }

        return hits;
    }

    private static async Task<IReadOnlyList<LinkSummary>> ListAsync(DbConnection connection, LinkQuery query, string order, CancellationToken cancellationToken)
    {
        await using var command = AdoPostStore.Command(connection, null, string.Empty);
        var where = new List<string>();
        if (query.Account is { } account)
        {
            where.Add("l.account = @account");
            AdoPostStore.Add(command, "@account", account);
        }

        if (query.PostId is { } post)
        {
            where.Add("l.post_id = @post_id");
            AdoPostStore.Add(command, "@post_id", post);
        }

        if (query.ExperimentId is { } experiment)
        {
            where.Add("p.experiment_id = @experiment_id");
            AdoPostStore.Add(command, "@experiment_id", experiment);
        }

        if (query.ShortOnly)
        {
            where.Add("l.code IS NOT NULL");
        }

        AdoPostStore.Add(command, "@limit", query.Limit);
        command.CommandText = $"SELECT {SummaryColumns} FROM post_links l JOIN posts p ON p.id = l.post_id " +
            $"{(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))} ORDER BY {order} LIMIT @limit";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = new List<LinkSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(Read(reader));
        }

        return links;
    }

    private static LinkSummary Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), AdoPostStore.FromUnix(r.GetInt64(4)))
    {
        Code = r.IsDBNull(5) ? null : r.GetString(5),
        ShortUrl = r.IsDBNull(6) ? null : r.GetString(6),
        ExperimentId = r.IsDBNull(7) ? null : r.GetString(7),
        Variant = r.IsDBNull(8) ? null : r.GetString(8),
        PostState = r.GetString(9),
        Clicks = Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture),
        BotHits = Convert.ToInt64(r.GetValue(11), CultureInfo.InvariantCulture),
        LastClickAt = r.IsDBNull(12) ? null : AdoPostStore.FromUnix(Convert.ToInt64(r.GetValue(12), CultureInfo.InvariantCulture)),
    };
}
