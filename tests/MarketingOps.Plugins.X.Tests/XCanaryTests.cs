using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.X.Tests;

/// <summary>A canary credential, a server that fails every way and quotes credentials back: the canary must surface nowhere.</summary>
public sealed class XCanaryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("oauth2")]
    [InlineData("oauth1")]
    public async Task Canary_NeverReachesALogAnErrorOrAnException(string auth)
    {
        var canary = "CANARY" + Guid.NewGuid().ToString("N");
        var secrets = auth == "oauth2"
            ? new Dictionary<string, string> { ["x/acme/access-token"] = canary, ["x/acme/refresh-token"] = canary + "r", ["x/acme/client-id"] = "client" }
            : XTestHarness.OAuth1Secrets(token: canary);
        using var fake = new RecordingHttpServer();
        var logs = new CapturingLoggerFactory();
        var seen = new List<string?>();
        using var platform = XTestHarness.Create(
            fake.BaseUrl,
            secrets: secrets,
            timeoutSeconds: 0.5,
            loggerFactory: logs,
            extraSettings: new() { ["oauth2TokenUrl"] = new Uri(fake.BaseUrl, "2/oauth2/token").ToString() },
            accountSettings: new() { ["auth"] = auth });

        foreach (var failure in CanaryResponses.All)
        {
            fake.Handler = CanaryResponses.Failing(failure, TimeSpan.FromSeconds(2));
            await Exercise(platform, seen);
        }

        using (var unreachable = XTestHarness.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), secrets: secrets, loggerFactory: logs, accountSettings: new() { ["auth"] = auth }))
        {
            await Exercise(unreachable, seen);
        }

        Assert.Contains(fake.Requests, r => r.Header("Authorization")?.Contains(canary, StringComparison.Ordinal) == true); // it was really sent
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(seen, s => s?.Contains("rejected credentials", StringComparison.Ordinal) == true); // the echo reached the errors
        CanaryResponses.AssertAbsent(canary, logs.Entries.Concat(seen));
    }

    private static async Task Exercise(XPlatform platform, List<string?> seen)
    {
        var request = XTestHarness.Request(new PostDraft("canary post"));
        try
        {
            var publish = await platform.PublishAsync(request, Token);
            seen.Add(publish.Error?.ToString());
            seen.Add((await platform.LookupAsync(request, Token)).Detail);
            seen.Add((await platform.DeleteAsync(XTestHarness.Account, "123", Token)).Error?.ToString());
            seen.AddRange((await platform.GetMetricsAsync(XTestHarness.Account, ["1"], Token)).Select(m => m.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            seen.Add(e.ToString());
        }
    }
}
