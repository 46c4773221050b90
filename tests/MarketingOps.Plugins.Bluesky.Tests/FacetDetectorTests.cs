using System.Text;
using MarketingOps.Plugins.Bluesky.RichText;

namespace MarketingOps.Plugins.Bluesky.Tests;

public sealed class FacetDetectorTests
{
    [Theory]
    [InlineData("see https://example.com/a.", "https://example.com/a")]
    [InlineData("(https://example.com/b)", "https://example.com/b")]
    [InlineData("wiki https://en.wikipedia.org/wiki/Foo_(bar) ok", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    public void Links_LoseTrailingPunctuationButKeepBalancedParentheses(string text, string expected)
    {
        var link = Assert.Single(FacetDetector.Detect(text), f => f.Kind == FacetKind.Link);

        Assert.Equal(expected, link.Value);
        Assert.Equal(expected, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)[link.ByteStart..link.ByteEnd]));
    }

    [Fact]
    public void Tags_AllDigitsOrEmailLike_AreNotTags()
    {
        var facets = FacetDetector.Detect("#123 a#b #ok_go #日本語, mail me@example.com");

        Assert.Equal(["ok_go", "日本語"], facets.Where(f => f.Kind == FacetKind.Tag).Select(f => f.Value));
        Assert.DoesNotContain(facets, f => f.Kind == FacetKind.Mention);
    }

    [Fact]
    public void ByteOffsets_CountUtf8BytesAfterEmoji()
    {
        var text = "🌸 @alice.test";
        var mention = Assert.Single(FacetDetector.Detect(text));

        Assert.Equal(5, mention.ByteStart); // 🌸 is four bytes, then a space
        Assert.Equal(5 + "@alice.test".Length, mention.ByteEnd);
    }
}
