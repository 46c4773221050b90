using System.Globalization;
using System.Text.Json;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.Storage;
using MarketingOps.Host.Tests;
using Npgsql;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// The embedded sandbox under clustering (issue 10): two `mops run` nodes on one PostgreSQL schedule, each loading its
/// own sandbox, share one network through one journal. Node A is killed while it holds claims mid-publish; node B
/// settles them by lookup on the same network, so no post is on the network twice.
/// </summary>
public sealed class SandboxClusterTests
{
    private const int PostCount = 40;
    private static readonly string[] Accounts = ["acme", "globex"];

    [Fact]
    public async Task A_survivor_finds_the_dead_nodes_posts_on_the_shared_sandbox_instead_of_posting_them_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await TestPostgres.RequireAsync();
        var schema = "mops_sbcluster_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var shared = Path.Combine(Path.GetTempPath(), "mops-integration", Guid.NewGuid().ToString("N"));
        var journal = Path.Combine(shared, "sandbox.jsonl");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            var folderA = WriteFolder(Path.Combine(shared, "a"), connectionString, journal);
            var folderB = WriteFolder(Path.Combine(shared, "b"), connectionString, journal);
            await using var engine = new EngineClient(folderA, Accounts, "sandbox");

            var start = TimeProvider.System.GetUtcNow().AddSeconds(4);
            for (var i = 0; i < PostCount; i++)
            {
                var at = start.AddMilliseconds(i * 200).ToString("O", CultureInfo.InvariantCulture);
                await engine.Posts.ScheduleAsync(new ScheduleRequest(Accounts[i % 2], at, PostTexts.For(i, "sandbox cluster", unsure: false)), ct);
            }

            using var nodeA = MopsProcess.Start(folderA, "run", "--home", folderA);
            using var nodeB = MopsProcess.Start(folderB, "run", "--home", folderB);
            var markA = $"/{nodeA.Id.ToString(CultureInfo.InvariantCulture)}/";

            // Kill A once some posts are out and while it holds a claim (each publish answers slowly). A is frozen
            // first and its claims read while it cannot move, so the kill lands on a claim it really holds; if it
            // was between claims, it runs on and the next chance is taken.
            List<string> heldByA = [];
            var patience = TimeProvider.System.GetUtcNow().AddMinutes(3);
            while (TimeProvider.System.GetUtcNow() < patience && heldByA.Count == 0)
            {
                var posts = await engine.AllAsync();
                if (posts.Count(p => p.State == PostState.Published) >= 4 && HeldBy(posts, markA).Count > 0)
                {
                    Assert.False(nodeA.HasExited, $"node A exited on its own:\n{nodeA.StandardError}");
                    CrashTests.Signal(nodeA, ProcessSignal.Stop);
                    heldByA = HeldBy(await engine.AllAsync(), markA);
                    if (heldByA.Count > 0)
                    {
                        CrashTests.SigKill(nodeA);
                        break;
                    }

                    CrashTests.Signal(nodeA, ProcessSignal.Continue);
                }

                await Task.Delay(10, ct);
            }

            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(4);
            while ((await engine.AllAsync()).Any(p => !Outcome.Final.Contains(p.State)) && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(500, ct);
            }

            nodeB.Interrupt();
            await nodeB.WaitForExitAsync(TimeSpan.FromSeconds(60));

            var final = await engine.AllAsync();
            var onNetwork = PublishedKeys(journal);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"node A held {heldByA.Count} claims when killed; {onNetwork.Count} publishes on the network; " + string.Join(", ", final.GroupBy(p => p.State).Select(g => $"{g.Count()} {g.Key}")));
            Assert.NotEmpty(heldByA);
            Assert.Empty(onNetwork.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.All(final, p => Assert.Equal(PostState.Published, p.State));
            Assert.Equal(final.Select(p => p.IdempotencyKey).Order(), onNetwork.Order());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
            try
            {
                Directory.Delete(shared, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static List<string> HeldBy(IEnumerable<Post> posts, string mark) =>
        posts.Where(p => p.State == PostState.Publishing && p.ClaimedBy?.Contains(mark, StringComparison.Ordinal) == true).Select(p => p.Id).ToList();

    private static List<string> PublishedKeys(string journal) =>
        File.ReadLines(journal)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("op").GetString() == "publish")
            .Select(e => e.GetProperty("idempotencyKey").GetString()!)
            .ToList();

    private static string WriteFolder(string root, string connectionString, string journal)
    {
        Directory.CreateDirectory(root);
        var plugin = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
        var plugins = new
        {
            plugins = new[]
            {
                new
                {
                    id = "sandbox",
                    path = plugin,
                    settings = new { seed = 5, journal, faults = new { answerDelayMs = 300, ambiguousRate = 0.1 } },
                    accounts = Accounts.Select(a => new { name = a, timeZone = "UTC" }).ToArray(),
                },
            },
        };
        File.WriteAllText(Path.Combine(root, "plugins.json"), JsonSerializer.Serialize(plugins));
        var settings = ClientFolder.EngineSettings(connectionString);
        settings["Storage"] = new Dictionary<string, object> { ["ConnectionString"] = connectionString };
        File.WriteAllText(Path.Combine(root, "mops.json"), JsonSerializer.Serialize(settings));
        return root;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
