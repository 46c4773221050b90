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
}
