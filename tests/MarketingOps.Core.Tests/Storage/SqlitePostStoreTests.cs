using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.TestDoubles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Storage;

public sealed class SqlitePostStoreTests : PostStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    private string? _last;

    internal override IReadOnlyList<string> Scripts => [.. PostSchema.Migrations.Select(m => m.Sqlite)];

    internal override Task<AdoPostStore> CreateStoreAsync()
    {
        _last = _folder.File($"{Guid.NewGuid():N}/mops.db");
        return Task.FromResult(Reopen());
    }

    internal override AdoPostStore Reopen() => new SqlitePostStore(_last!, TimeSpan.FromSeconds(10), new FakeTimeProvider(Now));

    internal override async Task<string?> IndexColumnsAsync(string index)
    {
        await using var connection = new SqliteConnection($"Data Source={_last}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_index_info(@index) ORDER BY seqno";
        command.Parameters.AddWithValue("@index", index);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count == 0 ? null : string.Join(", ", columns);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_a_schema_version_table()
    {
        var path = _folder.File("wal/mops.db");
        var store = new SqlitePostStore(path, TimeSpan.FromSeconds(5), new FakeTimeProvider(Now));
        await store.InitializeAsync(Ct);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Every_connection_it_opens_enforces_foreign_keys_and_waits_for_a_writer()
    {
        var store = new SqlitePostStore(_folder.File("pragmas/mops.db"), TimeSpan.FromSeconds(7), new FakeTimeProvider(Now));
        for (var open = 0; open < 3; open++)
        {
            // Pooled: the second and third are the first connection again, as most are in a running host.
            await using var connection = await store.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys";
            Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(Ct));
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(7000L, (long?)await command.ExecuteScalarAsync(Ct));
        }
    }

    [Theory]
    [InlineData("SELECT * FROM posts ORDER BY due_at, id LIMIT 100", "ix_posts_due")]
    [InlineData("SELECT * FROM posts WHERE (due_at, id) > (0, '') ORDER BY due_at, id LIMIT 100", "ix_posts_due")]
    [InlineData("SELECT * FROM posts WHERE account = 'acme' ORDER BY due_at, id LIMIT 100", "ix_posts_account_due")]
    public async Task A_page_of_posts_is_read_from_an_index_in_page_order_without_sorting_the_table(string page, string index)
    {
        var path = _folder.File("plan/mops.db");
        await new SqlitePostStore(path, TimeSpan.FromSeconds(5), new FakeTimeProvider(Now)).InitializeAsync(Ct);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + page;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        // Without the index, SQLite reads every post and sorts them for each page ("SCAN posts", "USE TEMP B-TREE").
        Assert.Contains(plan, step => step.Contains("USING INDEX " + index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_from_a_newer_mops_is_refused_rather_than_downgraded()
    {
        var path = _folder.File("newer/mops.db");
        var store = new SqlitePostStore(path, TimeSpan.FromSeconds(5), new FakeTimeProvider(Now));
        await store.InitializeAsync(Ct);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, 0)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var fresh = new SqlitePostStore(path, TimeSpan.FromSeconds(5), new FakeTimeProvider(Now));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.InitializeAsync(Ct));
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
