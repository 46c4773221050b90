using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>A canary access token, an instance that fails every way and quotes credentials back: the canary must surface nowhere.</summary>
public sealed class MastodonCanaryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Canary_NeverReachesALogAnErrorOrAnException()
    {
        var canary = "CANARY" + Guid.NewGuid().ToString("N");
        var secrets = new Dictionary<string, string> { [$"mastodon/{MastodonTestHarness.Account}/access-token"] = canary };
        using var fake = new RecordingHttpServer();
        var logs = new CapturingLoggerFactory();
        var seen = new List<string?>();

        foreach (var failure in CanaryResponses.All)
        {
            fake.Handler = CanaryResponses.Failing(failure, TimeSpan.FromSeconds(2));
            using var platform = MastodonTestHarness.Create(fake.BaseUrl, timeoutSeconds: 0.5, secrets: secrets, loggerFactory: logs);
            await Exercise(platform, seen);
        }

        using (var unreachable = MastodonTestHarness.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), secrets: secrets, loggerFactory: logs))
        {
            await Exercise(unreachable, seen);
        }

        Assert.Contains(fake.Requests, r => r.Header("Authorization")?.Contains(canary, StringComparison.Ordinal) == true);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(seen, s => s?.Contains("rejected credentials", StringComparison.Ordinal) == true);
        CanaryResponses.AssertAbsent(canary, logs.Entries.Concat(seen));
    }

    private static async Task Exercise(MastodonPlatform platform, List<string?> seen)
    {
        var request = MastodonTestHarness.Request(new PostDraft("canary post"));
        try
        {
            seen.Add((await platform.PublishAsync(request, Token)).Error?.ToString());
            seen.Add((await platform.LookupAsync(request, Token)).Detail);
            seen.Add((await platform.DeleteAsync(MastodonTestHarness.Account, "1", Token)).Error?.ToString());
            seen.AddRange((await platform.GetMetricsAsync(MastodonTestHarness.Account, ["1"], Token)).Select(m => m.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            seen.Add(e.ToString());
        }
    }
}
