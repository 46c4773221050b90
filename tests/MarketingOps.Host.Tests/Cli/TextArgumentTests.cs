using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>Issue 12: what a user typed is taken whole, whatever its first characters, through the real executable.</summary>
public sealed class TextArgumentTests : IDisposable
{
    private readonly TempFolder _home = new();

    public TextArgumentTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private static string Day(int offset) => new DateTimeOffset(2031, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("-5 °C in Sapporo today")]
    [InlineData("- first item of the list")]
    [InlineData("-- note to self")]
    [InlineData("--json")]
    [InlineData("--account")]
    public async Task Post_schedule_stores_a_text_that_starts_with_a_dash_as_given(string text)
    {
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(0), "--text", text, "--json");

        Assert.True(exit == 0, output + error);
        var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
        var (_, shown, _) = await Mops("post", "show", id, "--json");
        Assert.Equal(text, JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Guardrails_check_judges_the_whole_text_that_starts_with_a_dash()
    {
        var (exit, output, error) = await Mops("guardrails", "check", "--account", "acme", "--text", "-5 °C in Sapporo today", "--json");

        Assert.True(exit == 0, output + error);
        var platform = JsonDocument.Parse(output).RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "platform-text");
        Assert.StartsWith("length 22 of", platform.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_approve_edit_and_reject_reason_take_texts_that_start_with_dashes()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin", "approvalRequired": true } ]""");
        foreach (var (day, text) in new[] { (3, "Held draft one about our opening hours"), (4, "Held draft two about the new sourdough") })
        {
            var (held, heldOut, heldErr) = await Mops("post", "schedule", "--account", "acme", "--at", Day(day), "--text", text);
            Assert.True(held == 0, heldOut + heldErr);
        }

        var (_, inbox, _) = await Mops("inbox", "list", "--json");
        var items = JsonDocument.Parse(inbox).RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, items.Count);

        const string Edited = "-- edited: -5 °C, bring a coat";
        var (approved, approveOut, approveErr) = await Mops("inbox", "approve", items[0], "--edit", Edited);
        Assert.True(approved == 0, approveOut + approveErr);
        const string Reason = "- off brand, see -- notes";
        var (rejected, rejectOut, rejectErr) = await Mops("inbox", "reject", items[1], "--reason", Reason);
        Assert.True(rejected == 0, rejectOut + rejectErr);

        var (_, all, _) = await Mops("inbox", "list", "--all", "--json");
        var byId = JsonDocument.Parse(all).RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(Reason, byId[items[1]].GetProperty("decisions").EnumerateArray().Single().GetProperty("reason").GetString());
        var (_, posts, _) = await Mops("post", "list", "--json");
        Assert.Contains(JsonDocument.Parse(posts).RootElement.EnumerateArray(), p => p.GetProperty("text").GetString() == Edited);
    }

    [Fact]
    public async Task Random_texts_round_trip_byte_exact_through_schedule_and_the_store()
    {
        var seed = Environment.GetEnvironmentVariable("MOPS_PROPERTY_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        var texts = Enumerable.Range(0, 24).Select(i => RandomText(random, i)).ToList();
        var ids = new Dictionary<string, string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(10 + i), "--text", texts[i], "--json");
            Assert.True(exit == 0, $"seed {seed}, text {Escape(texts[i])}: {output}{error}");
            ids[JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!] = texts[i];
        }

        var (_, list, _) = await Mops("post", "list", "--json");
        foreach (var post in JsonDocument.Parse(list).RootElement.EnumerateArray())
        {
            var expected = ids[post.GetProperty("id").GetString()!];
            var stored = post.GetProperty("text").GetString()!;
            Assert.True(
                Encoding.UTF8.GetBytes(expected).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(stored)),
                $"seed {seed}: sent {Escape(expected)}, stored {Escape(stored)}");
        }

        Assert.Equal(texts.Count, JsonDocument.Parse(list).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task File_drops_one_trailing_line_break_as_git_commit_F_does_and_help_says_so()
    {
        var cases = new (string Content, string Expected)[]
        {
            ("Fresh bread at seven\n", "Fresh bread at seven"),
            ("Croissants until noon\r\n", "Croissants until noon"),
            ("Two lines kept\nand one blank after\n\n", "Two lines kept\nand one blank after\n"),
            ("No line break at the end", "No line break at the end"),
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var file = _home.Write($"post{i}.txt", cases[i].Content);
            var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(60 + i), "--file", file, "--json");
            Assert.True(exit == 0, output + error);
            var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
            var (_, shown, _) = await Mops("post", "show", id, "--json");
            Assert.Equal(cases[i].Expected, JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("text").GetString());
        }

        var (_, help, _) = await Mops("post", "schedule", "--help");
        Assert.Contains("trailing line break", help, StringComparison.Ordinal);
        var (_, checkHelp, _) = await Mops("guardrails", "check", "--help");
        Assert.Contains("trailing line break", checkHelp, StringComparison.Ordinal);
    }

    private static readonly string[] Pieces =
    [
        "-", "--", "---", "-5", "-x", "--text", "--json", "=", ":", "\"", "'", "`", "\\", "\n", "\r\n", "\t", " ", "  ",
        "0", "42", "3.14", "°C", "%", "$", "€", "#tag", "@ana", "👍🏽", "👨‍👩‍👧", "🇯🇵", "1️⃣", "क्ष", "ন্দ্র", "日本語", "ไทย",
        "e\u0301", "\u200d", "{", "}", "[", "]", "<b>", "&amp;", ";", "|", "*", "?", "~", "!",
    ];

    private static readonly string[] Dashes = ["-", "--", "-5", "- ", "-- ", "--x", "---"];

    // A unique word keeps the guardrails from judging two random texts as duplicates of each other.
    private static string RandomText(Random random, int index)
    {
        // Texts that start with a dash are the ones a parser mistakes for options: a third of them do.
        var builder = new StringBuilder(random.Next(3) == 0 ? Dashes[random.Next(Dashes.Length)] : "");
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        var word = " w" + index.ToString(CultureInfo.InvariantCulture) + "q" + random.Next(100000).ToString(CultureInfo.InvariantCulture) + " ";
        builder.Insert(random.Next(2) == 0 ? builder.Length : random.Next(1, builder.Length + 1), word);
        for (var i = random.Next(3); i > 0; i--)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string Escape(string text) => JsonSerializer.Serialize(text);
}
