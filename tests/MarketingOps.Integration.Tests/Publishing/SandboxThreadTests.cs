using System.Globalization;
using System.Text.Json;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Tests;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// Issue 16 on the embedded sandbox: groups of three accounts, each account's post a thread of five parts, published
/// by a real `mops run` while the sandbox injects faults (timeouts that did and did not create the post, 503s, rate
/// limits) between and inside parts, and the host is SIGKILLed while threads are half out. The sandbox's journal is the
/// network's own record: every thread is on it once, whole, each part a reply to the part before it, in order.
/// </summary>
public sealed class SandboxThreadTests
{
    private const int Groups = 2;
    private const int Parts = 5;
    private const int Kills = 2;
    private static readonly string[] Accounts = ["acme", "globex", "initech"];

    [Fact]
    public async Task Groups_of_five_part_threads_under_faults_and_kills_are_on_the_network_once_whole_and_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "mops-integration", Guid.NewGuid().ToString("N"));
        var journal = Path.Combine(root, "sandbox.jsonl");
        var keep = true;
        try
        {
            WriteFolder(root, journal);
            await using var engine = new EngineClient(root, Accounts, "sandbox");
            var start = TimeProvider.System.GetUtcNow().AddSeconds(3);
            for (var g = 0; g < Groups; g++)
            {
                var at = start.AddSeconds(g).ToString("O", CultureInfo.InvariantCulture);
                // Each account its own wording: the sandbox is one network, where one text on two accounts is a duplicate.
                var requests = Accounts.Select((account, a) =>
                {
                    var texts = Enumerable.Range(0, Parts).Select(p => PostTexts.For(2000 + (g * Accounts.Length + a) * Parts + p, "sandbox thread", unsure: false)).ToList();
                    return new ScheduleRequest(account, at, texts[0]) { ThreadTexts = texts[1..] };
                }).ToList();
                var group = await engine.Posts.ScheduleGroupAsync(requests, ct);
                Assert.Equal(Accounts.Length, group.Posts.Count);
            }

            var midThread = 0;
            for (var kill = 0; kill < Kills; kill++)
            {
                using var mops = MopsProcess.Start(root, "run", "--home", root);
                var patience = TimeProvider.System.GetUtcNow().AddMinutes(3);
                while (Outcome.ThreadsInProgress(await engine.AllAsync()) == 0 && TimeProvider.System.GetUtcNow() < patience)
                {
                    await Task.Delay(20, ct);
                }

                Assert.False(mops.HasExited, $"mops run exited on its own:\n{mops.StandardError}");
                CrashTests.SigKill(mops);
                midThread += Outcome.ThreadsInProgress(await engine.AllAsync()) > 0 ? 1 : 0;
            }

            using (var last = MopsProcess.Start(root, "run", "--home", root))
            {
                var deadline = TimeProvider.System.GetUtcNow().AddMinutes(4);
                while ((await engine.AllAsync()).Any(p => p.State != PostState.Published) && TimeProvider.System.GetUtcNow() < deadline)
                {
                    await Task.Delay(500, ct);
                }

                last.Interrupt();
                await last.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }

            var posts = await engine.AllAsync();
            var published = Published(journal);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{midThread} of {Kills} kills while a thread was half out; {published.Count} publishes on the network; " + string.Join(", ", posts.GroupBy(p => p.State).Select(g => $"{g.Count()} {g.Key}")));

            Assert.Equal(Kills, midThread);
            Assert.All(posts, p => Assert.Equal(PostState.Published, p.State));
            Assert.Empty(published.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key));
            var byKey = published.ToDictionary(p => p.Key);
            foreach (var thread in posts.GroupBy(p => p.ThreadId))
            {
                var parts = thread.OrderBy(p => p.ThreadPart).Select(p => byKey[p.IdempotencyKey]).ToList();
                Assert.Equal(Parts, parts.Count);
                Assert.Null(parts[0].InReplyTo);
                for (var i = 1; i < parts.Count; i++)
                {
                    Assert.Equal(parts[i - 1].PostId, parts[i].InReplyTo);
                    Assert.True(parts[i].Sequence > parts[i - 1].Sequence, $"part {i + 1} of {thread.Key} came before part {i} on the network");
                }
            }

            Assert.Equal(Groups, posts.Select(p => p.GroupId).Distinct().Count());
            keep = false;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!keep)
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed record Publish(string Key, string PostId, string? InReplyTo, long Sequence);

    private static List<Publish> Published(string journal) =>
        [.. File.ReadLines(journal)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("op").GetString() == "publish")
            .Select(e => new Publish(
                e.GetProperty("idempotencyKey").GetString()!,
                e.GetProperty("postId").GetString()!,
                e.TryGetProperty("inReplyTo", out var parent) ? parent.GetString() : null,
                e.GetProperty("sequence").GetInt64()))];

    private static void WriteFolder(string root, string journal)
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
                    settings = new { seed = 16, journal, faults = new { answerDelayMs = 250, ambiguousRate = 0.15, transientRate = 0.1, rateLimitRate = 0.05, retryAfterSeconds = 1 } },
                    accounts = Accounts.Select(a => new { name = a, timeZone = "UTC" }).ToArray(),
                },
            },
        };
        File.WriteAllText(Path.Combine(root, "plugins.json"), JsonSerializer.Serialize(plugins));
        File.WriteAllText(Path.Combine(root, "mops.json"), JsonSerializer.Serialize(ClientFolder.EngineSettings(null)));
    }
}
