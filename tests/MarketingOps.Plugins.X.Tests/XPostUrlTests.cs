namespace MarketingOps.Plugins.X.Tests;

/// <summary>Issue 12: <c>mops post resolve --published URL</c> records the post id read from an X address, and refuses others.</summary>
public sealed class XPostUrlTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://x.com/acme/status/1850123456789012345", "1850123456789012345")]
    [InlineData("https://twitter.com/ACME/status/1850123456789012345?s=20", "1850123456789012345")]
    [InlineData("https://mobile.twitter.com/acme/status/1850123456789012345/photo/1", "1850123456789012345")]
    [InlineData("https://x.com/i/web/status/1850123456789012345", "1850123456789012345")]
    public async Task An_address_of_the_accounts_post_gives_its_id(string url, string id)
    {
        using var platform = XTestHarness.Create(new Uri("http://127.0.0.1:9/"));

        var match = await platform.MatchPostUrlAsync(XTestHarness.Account, new Uri(url), Token);

        Assert.Equal(id, match.Id);
    }

    [Theory]
    [InlineData("https://x.com/someoneelse/status/1850123456789012345", "it is a post of @someoneelse, and account 'acme' is @acme")]
    [InlineData("https://mastodon.social/@acme/109372", "X posts are at https://x.com/handle/status/ID, not on mastodon.social")]
    [InlineData("https://x.com/acme", "not the path of a post")]
    public async Task Another_accounts_or_platforms_address_is_refused_saying_why(string url, string problem)
    {
        using var platform = XTestHarness.Create(new Uri("http://127.0.0.1:9/"));

        var match = await platform.MatchPostUrlAsync(XTestHarness.Account, new Uri(url), Token);

        Assert.Null(match.Id);
        Assert.True(match.Supported);
        Assert.Contains(problem, match.Problem, StringComparison.Ordinal);
    }
}
