using System.Text;
using System.Text.Json;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>
/// Issue 12: graphemes as the platforms count them. Bluesky counts its 300 with ICU's segmenter; the expected counts
/// below are ICU's (Node.js 20's Intl.Segmenter: ICU 78.2, Unicode 17.0), and a differential test asks ICU again.
/// </summary>
public sealed class GraphemesTests
{
    [Theory]
    [InlineData("Hindi conjunct kssa", "\u0915\u094D\u0937", 1)]
    [InlineData("Hindi sentence", "\u0928\u092E\u0938\u094D\u0924\u0947 \u0926\u0941\u0928\u093F\u092F\u093E, \u0915\u094D\u0937\u0924\u094D\u0930\u093F\u092F \u0914\u0930 \u0938\u094D\u0924\u094D\u0930\u0940", 17)]
    [InlineData("Hindi with nukta and ZWJ", "\u0915\u093C\u094D\u200D\u0937", 1)]
    [InlineData("Bengali conjunct", "\u0995\u09CD\u09B7", 1)]
    [InlineData("Bengali word", "\u09AC\u09BE\u0982\u09B2\u09BE \u09AD\u09BE\u09B7\u09BE \u09B8\u09A8\u09CD\u09A7\u09CD\u09AF\u09BE", 8)]
    [InlineData("Bengali three-part conjunct", "\u09A8\u09CD\u09A6\u09CD\u09B0", 1)]
    [InlineData("Malayalam", "\u0D2E\u0D32\u0D2F\u0D3E\u0D33\u0D02 \u0D38\u0D4D\u0D24\u0D4D\u0D30\u0D40 \u0D15\u0D4D\u0D37", 8)]
    [InlineData("Malayalam chillu", "\u0D7B\u0D4D\u0D31", 2)]
    [InlineData("Gujarati", "\u0A95\u0ACD\u0AB7", 1)]
    [InlineData("Telugu", "\u0C15\u0C4D\u0C37", 1)]
    [InlineData("Oriya", "\u0B15\u0B4D\u0B37", 1)]
    [InlineData("Tamil (no GB9c)", "\u0B95\u0BCD\u0BB7", 2)]
    [InlineData("Thai", "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22 \u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35\u0E04\u0E23\u0E31\u0E1A", 15)]
    [InlineData("Thai sara am", "\u0E19\u0E49\u0E33", 1)]
    [InlineData("Korean jamo", "\uD55C\uAD6D\uC5B4 \u1100\u1161\u11A8", 5)]
    [InlineData("emoji ZWJ family", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", 1)]
    [InlineData("emoji ZWJ skin tones", "\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1\uD83C\uDFFF", 1)]
    [InlineData("rainbow flag", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", 1)]
    [InlineData("heart on fire", "\u2764\uFE0F\u200D\uD83D\uDD25", 1)]
    [InlineData("flags", "\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEF\uD83C\uDDF5\uD83C\uDDFA\uD83C\uDDF8", 3)]
    [InlineData("odd regional indicators", "\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEF", 2)]
    [InlineData("subdivision flag", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", 1)]
    [InlineData("keycaps", "1\uFE0F\u20E3#\uFE0F\u20E3*\uFE0F\u20E3", 3)]
    [InlineData("combining marks", "e\u0301a\u0308\u0323", 2)]
    [InlineData("CRLF", "a\u000D\u000Ab\u000A\u000Dc", 6)]
    [InlineData("Hangul syllables", "\uAC01\uAC01", 2)]
    [InlineData("prepend (Arabic number sign)", "\u0600\u0661", 1)]
    [InlineData("ZWJ between letters", "a\u200Db", 2)]
    [InlineData("newest emoji (Unicode 16/17)", "\uD83E\uDEE9\uD83E\uDEC6\uD83E\uDEBE", 3)]
    public void Counts_as_ICU_does(string what, string text, int icu)
    {
        Assert.True(icu == Graphemes.Count(text), $"{what}: ICU counts {icu}, mops {Graphemes.Count(text)}");
    }

    [Fact]
    public void Bluesky_accepts_100_conjuncts_and_200_letters_as_300_graphemes()
    {
        var text = string.Concat(Enumerable.Repeat("\u0915\u094D\u0937", 100)) + new string('a', 200);
        using var platform = BlueskyTestHarness.Create(new Uri("http://127.0.0.1:9/"), "brand.test", "unused");

        var validation = platform.Validate(new PostDraft(text));

        Assert.Equal(300, validation.Length);
        Assert.True(validation.IsValid, string.Join("; ", validation.Problems));
        Assert.False(platform.Validate(new PostDraft(text + "\u0915")).IsValid);
    }

    [Fact]
    public async Task Agrees_with_ICU_on_random_tricky_strings()
    {
        NodeReference.Require();
        var random = new Random(1215);
        string[] pieces =
        [
            "\u0915", "\u094D", "\u0937", "\u093C", "\u200D", "\u200C", "\u0995", "\u09CD", "\u09B7", "\u0D15", "\u0D4D", "\u0D37", "\u0D7B",
            "\u0E19", "\u0E49", "\u0E33", "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01", "\u0600", "\u0301", "\u0308", "\u20E3", "\uFE0F",
            "\U0001F468", "\U0001F469", "\U0001F3FD", "\U0001F1E9", "\U0001F1EA", "\U0001F3F4", "\U000E0067", "\U000E007F", "\u2764",
            "\U0001F525", "\r", "\n", "a", " ", "1", "#", "\u0B95", "\u0BCD", "\u0BB7", "\uD800", "\U0001FAE9",
        ];
        var texts = Enumerable.Range(0, 3000).Select(_ =>
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            return builder.ToString();
        }).ToList();

        var script = Path.Combine(Path.GetTempPath(), $"icu-graphemes-{Guid.NewGuid():N}.cjs");
        var input = script + ".json";
        await File.WriteAllTextAsync(script, """
            const fs = require('fs');
            const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
            const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
            process.stdout.write(JSON.stringify({ unicode: process.versions.unicode, counts: texts.map(t => [...seg.segment(t)].length) }));
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(texts), TestContext.Current.CancellationToken);
        try
        {
            using var result = JsonDocument.Parse(await NodeReference.RunAsync(script, [input], null, TestContext.Current.CancellationToken));
            var unicode = Version.Parse(result.RootElement.GetProperty("unicode").GetString()!);
            Assert.True(unicode >= new Version(15, 1), $"Node's ICU implements Unicode {unicode}, older than GB9c (15.1)");
            var counts = result.RootElement.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToList();
            var wrong = texts.Select((t, i) => (t, icu: counts[i], mine: Graphemes.Count(t))).Where(c => c.icu != c.mine)
                .Select(c => $"{JsonSerializer.Serialize(c.t)}: ICU {c.icu}, mops {c.mine}").ToList();
            Assert.True(wrong.Count == 0, $"{wrong.Count} of {texts.Count} differ from ICU (Unicode {unicode}):\n" + string.Join("\n", wrong.Take(10)));
        }
        finally
        {
            File.Delete(script);
            File.Delete(input);
        }
    }
}
