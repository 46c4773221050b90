using MarketingOps.Core.Storage;
using MarketingOps.Core.Tests.Storage;
using Npgsql;

namespace MarketingOps.Core.Tests.Guardrails;

/// <summary>Two cluster nodes' guardrails on one PostgreSQL schema; MOPS_TEST_POSTGRES names the server.</summary>
public sealed class PostgresSharedHistoryTests : SharedHistoryContract, IAsyncDisposable
{
    private string? _schema;

    internal override async Task<AdoPostStore> OpenSharedStoreAsync(TimeProvider time)
    {
        var server = await TestPostgres.RequireAsync();
        if (_schema is null)
        {
            _schema = "mops_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema };
        return new PostgresPostStore(builder.ConnectionString, time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is null || Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
