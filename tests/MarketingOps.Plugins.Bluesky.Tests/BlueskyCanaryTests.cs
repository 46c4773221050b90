using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>A canary app password and session tokens, a PDS that fails every way and quotes them back: they must surface nowhere.</summary>
public sealed class BlueskyCanaryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Canary_NeverReachesALogAnErrorOrAnException()
    {
        var canary = "CANARY" + Guid.NewGuid().ToString("N");
        var session = $$"""{"did":"did:plc:abc","handle":"brand.test","accessJwt":"{{canary}}-access","refreshJwt":"{{canary}}-refresh"}""";
        using var fake = new RecordingHttpServer();
        var logs = new CapturingLoggerFactory();
        var seen = new List<string?>();

        foreach (var failure in CanaryResponses.All)
        {
            var failing = CanaryResponses.Failing(failure, TimeSpan.FromSeconds(2));
            using var platform = BlueskyTestHarness.Create(fake.BaseUrl, "brand.test", canary, timeoutSeconds: 0.5, loggerFactory: logs, appView: fake.BaseUrl);

            // First with the login itself failing (the password is in the body), then with a session whose tokens fail.
            fake.Handler = failing;
            await Exercise(platform, seen);
            fake.Handler = r => r.Path.EndsWith("createSession", StringComparison.Ordinal) ? FakeResponse.Json(session) : failing(r);
            await Exercise(platform, seen);
        }

        using (var unreachable = BlueskyTestHarness.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "brand.test", canary, loggerFactory: logs))
        {
            await Exercise(unreachable, seen);
        }

        Assert.Contains(fake.Requests, r => r.BodyText.Contains(canary, StringComparison.Ordinal));
        Assert.Contains(fake.Requests, r => r.Header("Authorization")?.Contains(canary, StringComparison.Ordinal) == true);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(seen, s => s?.Contains("rejected credentials", StringComparison.Ordinal) == true);
        CanaryResponses.AssertAbsent(canary, logs.Entries.Concat(seen));
    }

    private static async Task Exercise(BlueskyPlatform platform, List<string?> seen)
    {
        var request = BlueskyTestHarness.Request(new PostDraft("canary post"));
        try
        {
            seen.Add((await platform.PublishAsync(request, Token)).Error?.ToString());
            seen.Add((await platform.LookupAsync(request, Token)).Detail);
            seen.Add((await platform.DeleteAsync(BlueskyTestHarness.Account, "at://did:plc:abc/app.bsky.feed.post/3kabc", Token)).Error?.ToString());
            seen.AddRange((await platform.GetMetricsAsync(BlueskyTestHarness.Account, ["at://did:plc:abc/app.bsky.feed.post/3kabc"], Token)).Select(m => m.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            seen.Add(e.ToString());
        }
    }
}
