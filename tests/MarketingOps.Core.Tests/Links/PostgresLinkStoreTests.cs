using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MarketingOps.Core.Tests.Links;

/// <summary>The link store contract on PostgreSQL: MOPS_TEST_POSTGRES names the server; each test gets its own schema.</summary>
public sealed class PostgresLinkStoreTests : LinkStoreContract, IAsyncDisposable
{
    private readonly List<string> _schemas = [];

    internal override async Task<AdoPostStore> CreateStoreAsync()
    {
        var server = await TestPostgres.RequireAsync();
        var schema = "mops_links_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        _schemas.Add(schema);
        return new PostgresPostStore(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, new FakeTimeProvider(Now));
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
