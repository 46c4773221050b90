using MarketingOps.Core.Links;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Tests.Links;

public sealed class LinkRewriterTests
{
    private static readonly LinkContext Bluesky = new("bluesky", "spring-cta", "question");

    private static LinkRewrite Rewrite(string text, LinkOptions options, LinkContext? context = null) =>
        new LinkRewriter(Options.Create(options)).Rewrite(text, context ?? Bluesky);

    [Fact]
    public void Tagging_AddsSourceMediumCampaignAndContent_AndKeepsTheRestOfTheText()
    {
        var rewrite = Rewrite("Spring sale https://shop.example/spring. Come by!", new LinkOptions { Tag = true });

        Assert.Equal("Spring sale https://shop.example/spring?utm_source=bluesky&utm_medium=social&utm_campaign=spring-cta&utm_content=question. Come by!", rewrite.Text);
        Assert.Equal("Spring sale https://shop.example/spring. Come by!", rewrite.OriginalText);
        var link = Assert.Single(rewrite.Links);
        Assert.Equal("https://shop.example/spring", link.OriginalUrl);
        Assert.True(link.Tagged);
        Assert.Null(link.Code);
        Assert.Equal("1 link tagged with UTM parameters (Links in mops.json)", rewrite.Summary);
    }

    [Theory]
    [InlineData("https://shop.example", "https://shop.example/?utm_source=x&utm_medium=social")]
    [InlineData("https://shop.example/a?ref=1", "https://shop.example/a?ref=1&utm_source=x&utm_medium=social")]
    [InlineData("https://shop.example/a?ref=1&", "https://shop.example/a?ref=1&utm_source=x&utm_medium=social")]
    [InlineData("https://shop.example/a#top", "https://shop.example/a?utm_source=x&utm_medium=social#top")]
    [InlineData("https://shop.example?ref=1#top", "https://shop.example/?ref=1&utm_source=x&utm_medium=social#top")]
    public void Tagging_PutsParametersInTheQuery_BeforeTheFragment(string url, string expected)
    {
        Assert.Equal(expected, Rewrite(url, new LinkOptions { Tag = true }, new LinkContext("x", null, null)).Text);
    }

    [Fact]
    public void Tagging_EscapesValues()
    {
        var text = Rewrite("https://shop.example/a", new LinkOptions { Tag = true }, new LinkContext("x", "spring sale & more", "B/1")).Text;

        Assert.Equal("https://shop.example/a?utm_source=x&utm_medium=social&utm_campaign=spring%20sale%20%26%20more&utm_content=B%2F1", text);
    }

    [Fact]
    public void ALinkTheAuthorTagged_IsLeftAsWritten()
    {
        var rewrite = Rewrite("See https://shop.example/a?UTM_source=newsletter and https://shop.example/b", new LinkOptions { Tag = true });

        Assert.Equal("See https://shop.example/a?UTM_source=newsletter and https://shop.example/b?utm_source=bluesky&utm_medium=social&utm_campaign=spring-cta&utm_content=question", rewrite.Text);
        Assert.Single(rewrite.Links);
    }

    [Fact]
    public void ExcludedHostsSubdomainsAndPrefixes_AreLeftAsWritten()
    {
        var options = new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example", Exclude = ["partner.example", "https://shop.example/checkout"] };
        var text = "a https://partner.example/x b https://www.partner.example/y c https://shop.example/checkout/1 d https://shop.example/spring";

        var rewrite = Rewrite(text, options);

        Assert.StartsWith("a https://partner.example/x b https://www.partner.example/y c https://shop.example/checkout/1 d https://go.acme.example/l/", rewrite.Text, StringComparison.Ordinal);
        Assert.Equal("https://shop.example/spring", Assert.Single(rewrite.Links).OriginalUrl);
    }

    [Fact]
    public void Off_LeavesTheTextAlone()
    {
        var rewrite = Rewrite("https://shop.example/a", new LinkOptions());

        Assert.False(rewrite.Changed);
        Assert.Equal("https://shop.example/a", rewrite.Text);
    }

    [Theory]
    [InlineData("(see https://en.wikipedia.org/wiki/Tulip_(disambiguation))", "https://en.wikipedia.org/wiki/Tulip_(disambiguation)")]
    [InlineData("(see https://shop.example/a)", "https://shop.example/a")]
    [InlineData("\"https://shop.example/a\"", "https://shop.example/a")]
    [InlineData("Links: https://shop.example/a!", "https://shop.example/a")]
    [InlineData("HTTPS://SHOP.EXAMPLE/A?", "HTTPS://SHOP.EXAMPLE/A")]
    public void Punctuation_AfterALink_IsNotPartOfIt(string text, string link)
    {
        var found = Assert.Single(LinkFinder.Find(text));

        Assert.Equal(link, text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("mail me: ana@https://x.example")]
    [InlineData("shop.example/spring without a scheme")]
    [InlineData("ftp://files.example/a")]
    [InlineData("http://localhost/a")]
    public void OnlyHttpLinksWithADomain_AreRewritten(string text)
    {
        Assert.Empty(LinkFinder.Find(text));
    }

    [Fact]
    public void ShortLinks_StandInTheText_AndLeadToTheTaggedLink()
    {
        var rewrite = Rewrite("New: https://shop.example/spring and https://shop.example/spring", new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example/" });

        Assert.Equal(2, rewrite.Links.Count);
        foreach (var link in rewrite.Links)
        {
            Assert.Matches("^[A-Za-z0-9]{12}$", link.Code);
            Assert.Equal("https://go.acme.example/l/" + link.Code, link.ShortUrl);
            Assert.StartsWith("https://shop.example/spring?utm_source=bluesky", link.TargetUrl, StringComparison.Ordinal);
        }

        Assert.NotEqual(rewrite.Links[0].Code, rewrite.Links[1].Code);
        Assert.Equal($"New: {rewrite.Links[0].ShortUrl} and {rewrite.Links[1].ShortUrl}", rewrite.Text);
        Assert.Equal("2 links tagged with UTM parameters and shortened (Links in mops.json)", rewrite.Summary);
    }

    [Fact]
    public void AShortLinkOfTheHost_IsNotShortenedAgain()
    {
        var options = new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example" };
        var first = Rewrite("https://shop.example/a", options);

        var again = Rewrite(first.Text + " edited", options);

        Assert.False(again.Changed);
        Assert.Equal(first.Text + " edited", again.Text);
    }

    [Fact]
    public void Codes_AreDrawnAtRandom_FromAboutSeventyBits()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => ShortCodes.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.True(ShortCodes.IsWellFormed(c)));
        // 12 of 62 symbols: log2(62^12) > 64 bits; every symbol turns up in every position.
        Assert.True(12 * Math.Log2(62) >= 64);
        for (var i = 0; i < ShortCodes.Length; i++)
        {
            Assert.Equal(62, codes.Select(c => c[i]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAA-")]
    [InlineData("AAAAAAAAAAAAA")]
    [InlineData("../../etc/pw")]
    public void MalformedCodes_AreRecognised(string? code) => Assert.False(ShortCodes.IsWellFormed(code));

    [Fact]
    public void Validator_NamesEachBadSetting()
    {
        var result = new LinkOptionsValidator().Validate(null, new LinkOptions
        {
            ShortBaseUrl = "go.acme.example",
            Medium = "",
            Campaign = "  ",
            Exclude = ["https://ok.example/x", "not a host", ""],
            BotUserAgents = [" "],
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Links:ShortBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Links:Medium", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Links:Campaign", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Links:Exclude:1 'not a host'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Links:Exclude:2", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Links:BotUserAgents:0", StringComparison.Ordinal));
        Assert.Equal(6, failures.Count);
    }
}
