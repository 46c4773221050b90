using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Tests;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// Real `mops run` processes publish to the loopback fake while the test SIGKILLs them in the middle of a publish and
/// starts them again, against three networks: no idempotency (X), a key that expires after a few seconds with retries
/// forced past it (Mastodon), a client-chosen record key (Bluesky). In the end no post is on the network twice and
/// none is lost: each is Published as the network's one post, or Unconfirmed for a person where nothing could tell.
/// Threads of five parts go out among them (issue 16): each is complete and in order on the network (every part a reply
/// to the one before, created after it), or stopped at a part shown to a person, with nothing after it on the network.
/// </summary>
public sealed class CrashTests
{
    private const int PostCount = 60;
    private const int Threads = 6;
    private const int ThreadParts = 5;
    private const int Kills = 8;
    private static readonly string[] Accounts = ["acme", "globex"];

    public static TheoryData<FakeBehaviour> Behaviours => [FakeBehaviour.NoIdempotency, FakeBehaviour.ExpiringKey, FakeBehaviour.RecordKey];

    [Theory]
    [MemberData(nameof(Behaviours))]
    public async Task Kills_mid_publish_leave_every_post_on_the_network_at_most_once_and_none_lost(FakeBehaviour behaviour)
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(20260302 + (int)behaviour);
        await using var server = new FakePlatformServer(seed: 7 + (int)behaviour, behaviour, slowAnswer: TimeSpan.FromSeconds(2.5))
        {
            // Past the three-second key: a rate-limited post's repeat arrives after the network forgot its key.
            RetryAfterSeconds = behaviour == FakeBehaviour.ExpiringKey ? 4 : 1,
        };
        using var folder = new ClientFolder(server, Accounts);
        await using var engine = new EngineClient(folder.Root, Accounts);

        var start = TimeProvider.System.GetUtcNow().AddSeconds(3);
        for (var t = 0; t < Threads; t++)
        {
            // Threads first, so kills land while they are half out; one has a part whose outcome stays unknowable.
            var at = start.AddMilliseconds(t * 300).ToString("O", CultureInfo.InvariantCulture);
            var texts = Enumerable.Range(0, ThreadParts).Select(p => PostTexts.For(1000 + t * ThreadParts + p, $"thread {behaviour}", unsure: t == 3 && p == 2)).ToList();
            await engine.Posts.ScheduleAsync(new ScheduleRequest(Accounts[t % 2], at, texts[0]) { ThreadTexts = texts[1..] }, ct);
        }

        for (var i = 0; i < PostCount; i++)
        {
            var unsure = i % 20 == 7;
            var at = start.AddMilliseconds(i * 150).ToString("O", CultureInfo.InvariantCulture);
            await engine.Posts.ScheduleAsync(new ScheduleRequest(Accounts[i % 2], at, PostTexts.For(i, $"crash {behaviour}", unsure)), ct);
        }

        var midPublish = 0;
        var midThread = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var mops = MopsProcess.Start(folder.Root, "run", "--home", folder.Root);
            server.ForgetArrivals();
            // Wait for this host's next publish to reach the network, then kill it while the network is answering.
            await server.WaitForPublishAsync(TimeSpan.FromMinutes(2), ct);
            await Task.Delay(random.Next(0, (int)(server.Latency.TotalMilliseconds / 2)), ct);
            Assert.False(HasExited(mops), $"mops run exited on its own:\n{mops.StandardError}");
            var inFlightAtKill = server.InFlight;
            SigKill(mops);
            midPublish += inFlightAtKill > 0 ? 1 : 0;
            midThread += Outcome.ThreadsInProgress(await engine.AllAsync()) > 0 ? 1 : 0;
        }

        using (var last = MopsProcess.Start(folder.Root, "run", "--home", folder.Root))
        {
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(4);
            while (await engine.AllAsync() is var all && all.Any(p => !Outcome.IsSettled(p, all)) && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(500, ct);
            }

            last.Interrupt();
            await last.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var posts = await engine.AllAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(Outcome.Summary(posts, server, Kills, midPublish) + $"; {midThread} kills while a thread was half out");
        folder.Keep = true;
        Outcome.AssertNeverTwiceNeverLost(posts, server, PostCount + Threads * ThreadParts);
        Outcome.AssertThreadsInOrderOrVisiblyStopped(posts, server, Threads);
        folder.Keep = false;

        // The chaos happened: most kills landed inside a publish, faults were injected, and on the expiring-key
        // network requests came after their key was forgotten.
        Assert.True(midPublish * 4 >= Kills * 3, $"only {midPublish} of {Kills} kills landed mid-publish");
        Assert.True(midThread > 0, "no kill landed while a thread was half out");
        Assert.True(server.FaultsInjected > 0);
        Assert.True(behaviour != FakeBehaviour.ExpiringKey || server.RequestsPastKeyLifetime > 0, "no request came after its key expired");
        Assert.True(posts.Count(p => p.State == PostState.Published) >= PostCount / 2, "most posts should be published");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; exactly what a crash or an OOM kill does.</summary>
    internal static void SigKill(MopsProcess mops)
    {
        mops.Kill();
        mops.WaitForExit();
    }

    /// <summary>Sends a signal (<see cref="ProcessSignal.Stop"/> freezes the process where it stands, <see cref="ProcessSignal.Continue"/> lets it run on).</summary>
    internal static void Signal(MopsProcess mops, int signal) => Assert.True(mops.Signal(signal), $"signal {signal} did not reach mops: it has ended");

    private static bool HasExited(MopsProcess mops)
    {
        try
        {
            return System.Diagnostics.Process.GetProcessById(mops.Id).HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
