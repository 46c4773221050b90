using MarketingOps.Core.Posts;
using MarketingOps.Host.Tests;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// Real `mops run` processes publish to the loopback fake while the test SIGKILLs them at random moments and
/// starts them again: in the end every post is on the platform exactly once, or Unconfirmed where the fake left
/// the outcome unknowable. None lost, none duplicated.
/// </summary>
public sealed class CrashTests
{
    private const int PostCount = 200;
    private const int UnsureCount = 6;
    private const int Kills = 12;
    private static readonly string[] Accounts = ["acme", "globex"];

    [Fact]
    public async Task Every_post_is_published_once_across_repeated_sigkills()
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(20260302);
        await using var server = new FakePlatformServer(seed: 7, slowAnswer: TimeSpan.FromSeconds(2.5));
        using var folder = new ClientFolder(server, Accounts);
        await using var engine = new EngineClient(folder.Root, Accounts);

        var start = TimeProvider.System.GetUtcNow().AddSeconds(3);
        for (var i = 0; i < PostCount; i++)
        {
            var unsure = i % (PostCount / UnsureCount) == 7;
            var at = start.AddMilliseconds(i * 90).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await engine.Posts.ScheduleAsync(new ScheduleRequest(Accounts[i % 2], at, PostTexts.For(i, "crash test", unsure)), ct);
        }

        var leftPublishing = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var mops = MopsProcess.Start(folder.Root, "run", "--home", folder.Root);
            await Task.Delay(random.Next(400, 2500), ct);
            Assert.False(HasExited(mops), $"mops run exited on its own:\n{mops.StandardError}");
            SigKill(mops);
            leftPublishing += (await engine.AllAsync()).Count(p => p.State == PostState.Publishing);
        }

        using (var last = MopsProcess.Start(folder.Root, "run", "--home", folder.Root))
        {
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
            while ((await engine.AllAsync()).Any(p => !Outcome.Final.Contains(p.State)) && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(500, ct);
            }

            last.Interrupt();
            await last.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var posts = await engine.AllAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(Outcome.Summary(posts, server, Kills, leftPublishing));
        folder.Keep = true;
        Outcome.AssertEveryPostOnce(posts, server, PostCount);
        folder.Keep = false;
        Assert.Equal(PostCount - UnsureCount, posts.Count(p => p.State == PostState.Published));
        Assert.True(server.FaultsInjected > 0);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; exactly what a crash or an OOM kill does.</summary>
    internal static void SigKill(MopsProcess mops)
    {
        using var process = System.Diagnostics.Process.GetProcessById(mops.Id);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

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
