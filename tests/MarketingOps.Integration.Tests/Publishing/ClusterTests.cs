using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.Storage;
using MarketingOps.Host.Tests;
using Npgsql;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// Two `mops run` processes share one schedule on PostgreSQL through Quartz clustering; one is SIGKILLed while it
/// holds a post mid-publish. The survivor takes its work over: every post is on the platform exactly once.
/// </summary>
public sealed class ClusterTests
{
    private const int PostCount = 100;
    private static readonly string[] Accounts = ["acme", "globex"];

    [Fact]
    public async Task Every_post_is_published_once_when_one_of_two_nodes_dies_mid_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await TestPostgres.RequireAsync();
        var schema = "mops_cluster_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            await using var fake = new FakePlatformServer(seed: 11, FakeBehaviour.RecordKey, slowAnswer: TimeSpan.FromSeconds(2.5));
            using var folderA = new ClientFolder(fake, Accounts, connectionString);
            using var folderB = new ClientFolder(fake, Accounts, connectionString);
            await using var engine = new EngineClient(folderA.Root, Accounts);

            var start = TimeProvider.System.GetUtcNow().AddSeconds(4);
            for (var i = 0; i < PostCount; i++)
            {
                var unsure = i is 17 or 71;
                var at = start.AddMilliseconds(i * 200).ToString("O", CultureInfo.InvariantCulture);
                await engine.Posts.ScheduleAsync(new ScheduleRequest(Accounts[i % 2], at, PostTexts.For(i, "cluster", unsure)), ct);
            }

            using var nodeA = MopsProcess.Start(folderA.Root, "run", "--home", folderA.Root);
            using var nodeB = MopsProcess.Start(folderB.Root, "run", "--home", folderB.Root);
            var markA = $"/{nodeA.Id.ToString(CultureInfo.InvariantCulture)}/";

            // Kill A once some posts are out, while it holds a claim and the network is answering a publish (every
            // publish takes a while to answer, so this comes soon).
            var patience = TimeProvider.System.GetUtcNow().AddMinutes(2);
            while (TimeProvider.System.GetUtcNow() < patience)
            {
                var posts = await engine.AllAsync();
                var heldNow = posts.Count(p => p.State == PostState.Publishing && p.ClaimedBy?.Contains(markA, StringComparison.Ordinal) == true);
                if (posts.Count(p => p.State == PostState.Published) >= PostCount / 10 && heldNow > 0 && fake.InFlight > 0)
                {
                    break;
                }

                await Task.Delay(20, ct);
            }

            Assert.False(nodeA.HasExited, $"node A exited on its own:\n{nodeA.StandardError}");
            CrashTests.SigKill(nodeA);
            var remainingAtKill = (await engine.AllAsync()).Count(p => !Outcome.Final.Contains(p.State));
            var heldByA = (await engine.AllAsync()).Where(p => p.State == PostState.Publishing && p.ClaimedBy?.Contains(markA, StringComparison.Ordinal) == true).Select(p => p.Id).ToList();

            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
            while ((await engine.AllAsync()).Any(p => !Outcome.Final.Contains(p.State)) && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(500, ct);
            }

            nodeB.Interrupt();
            await nodeB.WaitForExitAsync(TimeSpan.FromSeconds(30));

            var final = await engine.AllAsync();
            var byA = final.Count(p => p.ClaimedBy?.Contains(markA, StringComparison.Ordinal) == true);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"node A claimed {byA} posts last and held {heldByA.Count} mid-publish when killed; " + Outcome.Summary(final, fake, 1, heldByA.Count));
            Outcome.AssertNeverTwiceNeverLost(final, fake, PostCount);
            Assert.True(byA > 0 && byA < PostCount, $"both nodes should have published; A claimed {byA}");
            Assert.NotEmpty(heldByA); // A died holding claims, so the survivor had to settle them
            Assert.All(heldByA, id => Assert.Contains(final.Single(p => p.Id == id).State, Outcome.Final));
            Assert.True(remainingAtKill > 0, "node A was killed mid-run, with posts left for the survivor");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
