using Npgsql;

namespace MarketingOps.Core.Tests.Storage;

/// <summary>
/// Finds the PostgreSQL server for tests. Unset and not in CI: the test is skipped, visibly.
/// In CI (CI is set) a missing or unreachable server fails the test.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "MOPS_TEST_POSTGRES";

    public static async Task<string> RequireAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        var inCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (inCi)
            {
                Assert.Fail($"{Variable} is not set, and CI must run the PostgreSQL tests (see .ci/run).");
            }

            Assert.Skip($"PostgreSQL tests need a server: set {Variable} to a connection string (for example Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres).");
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            if (inCi)
            {
                Assert.Fail($"{Variable} is set but the server is not reachable: {ex.Message}");
            }

            Assert.Skip($"{Variable} is set but the server is not reachable ({ex.Message}); skipping.");
        }

        return connectionString!;
    }

    /// <summary>A new empty schema on the test server, and a connection string whose search path is it.</summary>
    public static async Task<(string Schema, string ConnectionString)> CreateSchemaAsync(string prefix)
    {
        var server = await RequireAsync();
        var schema = prefix + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return (schema, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString);
    }

    /// <summary>Drops schemas made by <see cref="CreateSchemaAsync"/>; nothing when no server is configured.</summary>
    public static async Task DropSchemasAsync(IReadOnlyCollection<string> schemas)
    {
        if (schemas.Count == 0 || Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
