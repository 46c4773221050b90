using System.Text.RegularExpressions;
using MarketingOps.Plugins.X.Auth;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Plugins.X.Tests;

/// <summary>What Prism cannot check: OAuth 1.0a headers on the wire, refused connections, and refusals before sending.</summary>
public sealed partial class XPlatformDirectTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OAuth1_GetWithQuery_SignsTheQueryParametersWithTheHostClock()
    {
        using var fake = new RecordingHttpServer { Handler = _ => FakeResponse.Json("""{"data":[]}""") };
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        using var platform = XTestHarness.Create(fake.BaseUrl, secrets: XTestHarness.OAuth1Secrets(), clock: clock);

        await platform.GetMetricsAsync(XTestHarness.Account, ["1", "2"], Token);

        var request = Assert.Single(fake.Requests);
        var header = request.Header("Authorization")!;
        var fields = OAuthField().Matches(header).ToDictionary(m => m.Groups[1].Value, m => Uri.UnescapeDataString(m.Groups[2].Value));
        Assert.Equal("1800000000", fields["oauth_timestamp"]);
        Assert.Equal("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", fields["oauth_token"]);
        var query = request.Query.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        var signed = fields.Where(f => f.Key != "oauth_signature").Concat(query);
        var expected = OAuth1Signer.Signature("GET", new Uri(fake.BaseUrl, request.Path), signed, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
        Assert.Equal(expected, fields["oauth_signature"]);
    }

    [Fact]
    public async Task Publish_ConnectionRefused_IsTransient()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var platform = XTestHarness.Create(closed);

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("hello")), Token);

        Assert.Equal(PlatformErrorKind.Transient, result.Error!.Kind);
    }

    [Fact]
    public async Task Publish_MissingCredentials_IsUnauthorizedAndNamesTheSecrets()
    {
        using var fake = new RecordingHttpServer();
        using var platform = XTestHarness.Create(fake.BaseUrl, secrets: new Dictionary<string, string>());

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("hello")), Token);

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("x/acme/access-token", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Publish_Over280Weighted_IsRefusedBeforeSending()
    {
        using var fake = new RecordingHttpServer();
        using var platform = XTestHarness.Create(fake.BaseUrl);
        var text = new string('故', 141); // 141 CJK characters weigh 282

        var validation = platform.Validate(new PostDraft(text));
        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft(text)), Token);

        Assert.Equal(282, validation.Length);
        Assert.False(validation.IsValid);
        Assert.Equal(PlatformErrorKind.Rejected, result.Error!.Kind);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void Validate_UrlsCount23AndEmojiCount2()
    {
        using var platform = XTestHarness.Create(new Uri("http://127.0.0.1:9/"));

        var validation = platform.Validate(new PostDraft("👨‍👩‍👧‍👦 https://example.com/a/very/long/path/that/is/longer/than/twenty-three"));

        Assert.Equal(2 + 1 + 23, validation.Length);
        Assert.True(validation.IsValid);
    }

    [Fact]
    public void Descriptor_DeclaresLimitsAndNoIdempotency()
    {
        using var platform = XTestHarness.Create(new Uri("http://127.0.0.1:9/"));

        Assert.Equal(TextLengthRule.TwitterWeighted, platform.Descriptor.Limits.LengthRule);
        Assert.Equal(280, platform.Descriptor.Limits.MaxTextLength);
        Assert.Equal(100, platform.Descriptor.Limits.MetricsBatchSize);
        Assert.False(platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Idempotency));
        Assert.Contains(platform.Descriptor.Limits.RateBudgets, b => b.Operation == "publish");
    }

    [GeneratedRegex("(oauth_[a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex OAuthField();
}
