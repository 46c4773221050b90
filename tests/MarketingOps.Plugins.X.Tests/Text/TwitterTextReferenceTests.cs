using System.Globalization;
using System.Text;
using System.Text.Json;
using MarketingOps.Plugins.X.Text;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.X.Tests.Text;

/// <summary>
/// Differential test against the reference X counts with: twitter-text 3.1.0 from npm, run under Node.js. Generated
/// texts around X's 280 boundary (URLs glued to what comes before, © ®, emoji sequences, CJK, invalid characters)
/// must get the same weighted length and the same accept/refuse decision.
/// </summary>
public sealed class TwitterTextReferenceTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Reference", "twitter-text-reference.cjs");
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Weighted_length_and_validity_agree_with_twitter_text_on_generated_texts()
    {
        var modules = RequireReference();
        var texts = Generate(new Random(20260412), 400).Concat(Regressions).ToList();
        var reference = await ParseWithReferenceAsync(texts, modules);

        var disagreements = new List<string>();
        var boundary = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var mine = TwitterTextParser.Parse(texts[i], TwitterTextConfiguration.V3);
            var theirs = reference[i];
            boundary += theirs.WeightedLength is >= 270 and <= 290 ? 1 : 0;
            if (mine.WeightedLength != theirs.WeightedLength || mine.IsValid != theirs.Valid || mine.ValidRangeEnd != theirs.ValidRangeEnd || mine.Permillage != theirs.Permillage)
            {
                disagreements.Add($"{JsonSerializer.Serialize(texts[i])}: mops {mine.WeightedLength}/{mine.IsValid}/{mine.ValidRangeEnd}, twitter-text {theirs.WeightedLength}/{theirs.Valid}/{theirs.ValidRangeEnd}");
            }
        }

        Assert.True(boundary >= 100, $"only {boundary} texts near the 280 boundary");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {texts.Count} disagree:\n" + string.Join("\n", disagreements.Take(15)));
    }

    [Fact]
    public async Task The_plugins_patterns_are_twitter_texts_own()
    {
        var modules = RequireReference();
        using var patterns = JsonDocument.Parse(await NodeReference.RunAsync(Script, ["patterns"], modules, Token));
        var root = patterns.RootElement;
        Assert.Equal("3.1.0", root.GetProperty("version").GetString());
        var expected = new Dictionary<string, string>
        {
            [nameof(TwitterTextPatterns.UrlPattern)] = JsRegex.ToDotNet(root.GetProperty("extractUrl").GetString()!),
            [nameof(TwitterTextPatterns.AsciiDomainPattern)] = JsRegex.ToDotNet(root.GetProperty("validAsciiDomain").GetString()!),
            [nameof(TwitterTextPatterns.TcoPattern)] = JsRegex.ToDotNet(root.GetProperty("validTcoUrl").GetString()!),
            [nameof(TwitterTextPatterns.InvalidBeforeProtocollessPattern)] = JsRegex.ToDotNet(root.GetProperty("invalidUrlWithoutProtocolPrecedingChars").GetString()!),
            [nameof(TwitterTextPatterns.EmojiPattern)] = JsRegex.ToDotNet(root.GetProperty("emoji").GetString()!),
        };
        var actual = new Dictionary<string, string>
        {
            [nameof(TwitterTextPatterns.UrlPattern)] = TwitterTextPatterns.UrlPattern,
            [nameof(TwitterTextPatterns.AsciiDomainPattern)] = TwitterTextPatterns.AsciiDomainPattern,
            [nameof(TwitterTextPatterns.TcoPattern)] = TwitterTextPatterns.TcoPattern,
            [nameof(TwitterTextPatterns.InvalidBeforeProtocollessPattern)] = TwitterTextPatterns.InvalidBeforeProtocollessPattern,
            [nameof(TwitterTextPatterns.EmojiPattern)] = TwitterTextPatterns.EmojiPattern,
        };

        var stale = expected.Where(e => actual[e.Key] != e.Value).Select(e => e.Key).ToList();
        if (stale.Count > 0)
        {
            // What TwitterTextPatterns.cs should hold, for a person to copy in.
            var path = Path.Combine(Path.GetTempPath(), "TwitterTextPatterns.expected.txt");
            await File.WriteAllLinesAsync(path, expected.Select(e => $"{e.Key} = {JsonSerializer.Serialize(e.Value)}"), Token);
            Assert.Fail($"{string.Join(", ", stale)} differ from twitter-text 3.1.0's; the expected values are in {path}");
        }
    }

    internal static IEnumerable<string> Regressions =>
    [
        "©", "®", "© ®", "Read more…www.example.com/offer", "👍🏽example.org", "a\uFFFEb", "\uFFFE", "x\uFEFF", "\uFFFF" + new string('a', 300),
        "👨‍👩‍👧‍👦", "🇩🇪", "1️⃣", "#️⃣", "™", "‼", " ", "\n", "e\u0301" + new string('é', 279), "❤️‍🔥", "🫠", "🧑🏽‍🚀",
        "https://t.co/abcdefghij1234567890abcdefghij1234567890abc", "http://t.co/abc?x=1 and more", "日本語のテキストwww.example.jp/test",
    ];

    private static string RequireReference()
    {
        NodeReference.Require();
        var folder = NodeReference.PackageFolder("twitter-text");
        var modules = Path.Combine(folder, "node_modules");
        if (!File.Exists(Path.Combine(modules, "twitter-text", "package.json")))
        {
            PeerUnavailable.SkipOrFail($"twitter-text is not installed in {folder} (.ci/run installs it with npm ci from tests/MarketingOps.Plugins.X.Tests/Reference)");
        }

        return modules;
    }

    private static async Task<IReadOnlyList<ReferenceResult>> ParseWithReferenceAsync(IReadOnlyList<string> texts, string modules)
    {
        var input = Path.Combine(Path.GetTempPath(), $"twitter-text-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(texts), Token);
        try
        {
            var output = await NodeReference.RunAsync(Script, ["parse", input], modules, Token);
            return JsonSerializer.Deserialize<List<ReferenceResult>>(output, WebJson)!;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static readonly string[] Words = ["sale", "bread", "Sapporo", "-5", "°C", "opening", "7am", "x", "I", "The", "café", "naïve", "Zürich"];

    private static readonly string[] Specials =
    [
        "©", "®", "™", "©️", "®️", "‼", "☺", "☺️", "…", "—", "‘", "’", "“", "”", "•", "€", "£", "¥", "°",
        "日本", "中文", "한국어", "ไทย", "क्ष", "ঙ্ক", "русский", "עברית", "العربية",
        "😀", "👍🏽", "👨‍👩‍👧‍👦", "👩‍💻", "🏳️‍🌈", "🇩🇪", "🇯🇵", "1️⃣", "#️⃣", "*️⃣", "❤️", "❤️‍🔥", "🫠", "🧑🏽‍🚀", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🤷🏻‍♀️",
        "e\u0301", "a\u0308", "\u200d", "\u200b", "\u00a0", "\uFEFF", "\uFFFE", "\uFFFF",
        "\n", "\t", "  ", "#tag", "@ana", "$CASH", "#", "@", "$", "-", "_", ".", "/", "(", ")",
    ];

    private static readonly string[] Urls =
    [
        "https://example.com", "http://acme.example/launch?utm_source=x", "https://t.co/abc123", "www.example.com/offer",
        "example.org", "shop.example.co.uk/a/b", "bakery.de", "xn--bcher-kva.example", "https://例え.テスト/パス", "acme.com/(x)",
        "https://example.com/" + new string('p', 60), "a.b", "example.invalidtld", "test.jp", "1.2.3.4", "my-shop.io/?q=1",
    ];

    private static readonly string[] Glue = ["", "", " ", "…", "👍🏽", "x", "9", "-", ".", "/", "@", "#", "$", "(", "—", "日", "\u200b", "é"];

    // Each text is cut or padded so that many land within a few units of 280, where a miscount changes the decision.
    internal static IEnumerable<string> Generate(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            var target = random.Next(4) == 0 ? random.Next(1, 200) : random.Next(250, 300);
            var guard = 0;
            while (TwitterTextParser.Parse(builder.ToString(), TwitterTextConfiguration.V3).WeightedLength < target && guard++ < 400)
            {
                var roll = random.Next(10);
                var piece = roll switch
                {
                    < 4 => Words[random.Next(Words.Length)],
                    < 7 => Specials[random.Next(Specials.Length)],
                    _ => Glue[random.Next(Glue.Length)] + Urls[random.Next(Urls.Length)],
                };
                builder.Append(piece);
                if (random.Next(3) > 0)
                {
                    builder.Append(' ');
                }
            }

            // Trim or pad a character at a time around the target.
            for (var pad = random.Next(-3, 4); pad > 0; pad--)
            {
                builder.Append(random.Next(2) == 0 ? "a" : "日");
            }

            yield return builder.ToString();
        }
    }

    private sealed record ReferenceResult(int WeightedLength, bool Valid, int Permillage, int ValidRangeEnd, int DisplayRangeEnd);
}
