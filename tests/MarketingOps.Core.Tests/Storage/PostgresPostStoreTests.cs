using MarketingOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MarketingOps.Core.Tests.Storage;

/// <summary>The store contract on PostgreSQL: MOPS_TEST_POSTGRES names the server; each test gets its own schema.</summary>
public sealed class PostgresPostStoreTests : PostStoreContract, IAsyncDisposable
{
    private readonly List<string> _schemas = [];
    private string? _last;

    internal override async Task<AdoPostStore> CreateStoreAsync()
    {
        var server = await TestPostgres.RequireAsync();
        var schema = "mops_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        _schemas.Add(schema);
        _last = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        return Reopen();
    }

    internal override IReadOnlyList<string> Scripts => [.. PostSchema.Migrations.Select(m => m.Postgres)];

    internal override AdoPostStore Reopen() => new PostgresPostStore(_last!, new FakeTimeProvider(Now));

    internal override async Task<string?> IndexColumnsAsync(string index)
    {
        await using var connection = new NpgsqlConnection(_last);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT substring(indexdef from '\\((.*)\\)') FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @index", connection);
        command.Parameters.AddWithValue("@index", index);
        return await command.ExecuteScalarAsync(Ct) as string;
    }

    public async ValueTask DisposeAsync()
    {
        if (_schemas.Count == 0 || Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
