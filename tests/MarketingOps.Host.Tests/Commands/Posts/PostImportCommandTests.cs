using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: <c>mops post import</c> schedules many posts in one call, all checked first and all or nothing, through the real executable.</summary>
public sealed class PostImportCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostImportCommandTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" }, { "name": "globex", "timeZone": "America/New_York" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private static string Day(int offset, int hour = 9) => new DateTimeOffset(2031, 3, 1, hour, 0, 0, TimeSpan.Zero).AddDays(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> PostsAsync()
    {
        var (_, list, _) = await Mops("post", "list", "--json");
        return [.. JsonDocument.Parse(list).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task A_csv_file_is_scheduled_whole_with_each_value_exactly_as_written()
    {
        _home.Write("announce.txt", "From a file, one trailing line break dropped\n\n");
        var csv = _home.Write("posts.csv", $"""
            account,at,text,file,tz
            acme,{Day(1)},"-5 °C in Sapporo, brr",,
            globex,{Day(1)},"Two lines,
            and ""quotes"" kept",,
            acme,{Day(2)},,announce.txt,
            acme,{Day(3)},  spaces around  ,,UTC

            """);

        var (exit, output, error) = await Mops("post", "import", csv);

        Assert.True(exit == 0, output + error);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, ids.Length);
        Assert.Contains("imported 4 post(s) from posts.csv", error, StringComparison.Ordinal);
        var posts = (await PostsAsync()).ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal("-5 °C in Sapporo, brr", posts[ids[0]].GetProperty("text").GetString());
        Assert.Equal("Two lines,\nand \"quotes\" kept", posts[ids[1]].GetProperty("text").GetString());
        Assert.Equal("globex", posts[ids[1]].GetProperty("account").GetString());
        Assert.Equal("From a file, one trailing line break dropped\n", posts[ids[2]].GetProperty("text").GetString());
        Assert.Equal("  spaces around  ", posts[ids[3]].GetProperty("text").GetString());

        // Local times in each account's zone, or in the row's tz.
        Assert.Equal(new DateTimeOffset(2031, 3, 2, 8, 0, 0, TimeSpan.Zero), posts[ids[0]].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2031, 3, 2, 14, 0, 0, TimeSpan.Zero), posts[ids[1]].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2031, 3, 4, 9, 0, 0, TimeSpan.Zero), posts[ids[3]].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.All(posts.Values, p => Assert.Equal("Scheduled", p.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_wrong_zone_is_named_once_by_its_column_and_a_row_of_media_alone_is_a_post()
    {
        _home.Write("cat.png", "an image");
        var csv = _home.Write("tz.csv", $"""
            account,at,text,media,tz
            acme,{Day(1)},,cat.png,
            acme,{Day(2)},A post in a zone that does not exist,,Europe/Berlinn
            """);

        var (exit, _, error) = await Mops("post", "import", csv);

        Assert.Equal(1, exit);
        Assert.StartsWith("tz.csv:3: tz: 'Europe/Berlinn' is not a known IANA time zone", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--tz", error, StringComparison.Ordinal);
        Assert.DoesNotContain("tz.csv:2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_listed_by_row_and_nothing_is_stored()
    {
        var csv = _home.Write("plan.csv", $"""
            account,at,text,media,kind
            acme,{Day(1)},A fine post,,
            acme,2031-13-01 09:00,A month that does not exist,,
            nobody,{Day(2)},An account that does not exist,,
            acme,{Day(3)},,,
            acme,{Day(4)},A picture that is not there,missing.png,
            acme,{Day(5)},Fresh sourdough every morning from seven,,
            acme,{Day(6)},Fresh sourdough every morning from seven,,
            acme,{Day(7)},A kind that does not exist,,tweet
            """);

        var (exit, output, error) = await Mops("post", "import", csv);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("plan.csv:3: at: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("plan.csv:4: account: no account named 'nobody'", lines[1], StringComparison.Ordinal);
        Assert.Equal("plan.csv:5: give text or file (or media alone, for a post of media only)", lines[2]);
        Assert.StartsWith("plan.csv:6: media: ", lines[3], StringComparison.Ordinal);
        Assert.EndsWith("missing.png does not exist", lines[3], StringComparison.Ordinal);

        // The repeated text names the row it repeats, not an id that was never stored.
        Assert.StartsWith("plan.csv:8: refused by the guardrails", lines[4], StringComparison.Ordinal);
        Assert.Contains("the same text as the post of plan.csv:7", lines[4], StringComparison.Ordinal);
        Assert.Equal("plan.csv:9: kind: must be post, reply or dm (was 'tweet')", lines[5]);
        Assert.Equal("nothing was imported: 6 problem(s); fix them and import the whole file again", lines[6]);
        Assert.Empty(await PostsAsync());
    }

    [Fact]
    public async Task A_json_file_is_imported_with_json_output_and_its_mistakes_are_named_by_post()
    {
        var good = _home.Write("good.json", $$"""
            [
              { "account": "acme", "at": "{{Day(1)}}", "text": "Ends with a line break\n" },
              { "account": "globex", "at": "2031-03-02T10:00:00+01:00", "text": "Our spring menu", "experiment": null }
            ]
            """);
        var (exit, output, error) = await Mops("post", "import", good, "--json");

        Assert.True(exit == 0, output + error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var posts = result.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(["good.json: post 1", "good.json: post 2"], posts.Select(p => p.GetProperty("from").GetString()));
        Assert.Equal(new DateTimeOffset(2031, 3, 2, 9, 0, 0, TimeSpan.Zero), posts[1].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal("Ends with a line break\n", (await PostsAsync()).Single(p => p.GetProperty("id").GetString() == posts[0].GetProperty("id").GetString()).GetProperty("text").GetString());

        var bad = _home.Write("bad.json", $$"""
            [
              { "account": "acme", "at": "{{Day(3)}}", "txt": "a misspelt field" },
              { "account": "acme", "at": 5, "text": "a number for a time" },
              "not a post"
            ]
            """);
        (exit, output, error) = await Mops("post", "import", bad, "--json");

        Assert.Equal(1, exit);
        var problems = JsonDocument.Parse(output).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("bad.json: post 1: unknown field 'txt'", problems[0], StringComparison.Ordinal);
        Assert.Equal("bad.json: post 2: at: must be a string", problems[1]);
        Assert.StartsWith("bad.json: post 3: must be an object", problems[2], StringComparison.Ordinal);
        Assert.Equal(2, (await PostsAsync()).Count);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_not_csv_is_refused_as_a_whole()
    {
        var latin1 = Path.Combine(_home.Root, "excel.csv");
        await File.WriteAllBytesAsync(latin1, [.. Encoding.ASCII.GetBytes($"account,at,text\nacme,{Day(1)},Caf"), 0xE9, (byte)'\n']);
        var (exit, _, error) = await Mops("post", "import", latin1);
        Assert.Equal(1, exit);
        Assert.StartsWith("excel.csv: is not UTF-8 text", error, StringComparison.Ordinal);

        var columns = _home.Write("columns.csv", $"account,when,text\nacme,{Day(1)},Hello\n");
        (exit, _, error) = await Mops("post", "import", columns);
        Assert.Equal(1, exit);
        Assert.StartsWith("columns.csv:1: unknown column 'when'", error, StringComparison.Ordinal);

        var unclosed = _home.Write("unclosed.csv", $"account,at,text\nacme,{Day(1)},\"never closed\n");
        (exit, _, error) = await Mops("post", "import", unclosed);
        Assert.Equal(1, exit);
        Assert.StartsWith("unclosed.csv:2: ", error, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync());
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_stores_nothing()
    {
        var csv = _home.Write("week.csv", string.Join('\n', ["account,at,text", .. Enumerable.Range(1, 7).Select(d => $"acme,{Day(d)},Day {d} of our spring week")]) + "\n");

        var (exit, output, error) = await Mops("post", "import", csv, "--dry-run");

        Assert.True(exit == 0, output + error);
        Assert.Contains("7 post(s) would be scheduled; nothing was stored (--dry-run)", error, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync());
        (exit, output, _) = await Mops("post", "import", csv);
        Assert.Equal(0, exit);
        Assert.Equal(7, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(7, (await PostsAsync()).Count);

        // The same file again repeats every text: refused whole, every row named.
        (exit, _, error) = await Mops("post", "import", csv);
        Assert.Equal(1, exit);
        Assert.Equal(7, error.Split('\n').Count(l => l.StartsWith("week.csv:", StringComparison.Ordinal) && l.Contains("duplicate-content", StringComparison.Ordinal)));
        Assert.Equal(7, (await PostsAsync()).Count);
    }

    [Fact]
    public async Task A_csv_problem_names_the_row_as_a_spreadsheet_numbers_it_and_the_line_where_they_differ()
    {
        var csv = _home.Write("rows.csv", $"""
            account,at,text
            acme,{Day(1)},"A text of
            three lines
            in one cell"
            nobody,{Day(2)},Row three
            acme,{Day(3)},

            """);

        var (exit, output, error) = await Mops("post", "import", csv);

        Assert.True(exit == 1, output + error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rows.csv:3 (line 5): account: no account named 'nobody'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("rows.csv:4 (line 6): give text or file", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_with_json_lists_each_post_it_would_schedule()
    {
        var csv = _home.Write("plan.csv", $"""
            account,at,text,tz
            acme,{Day(1)},"Spring menu, day one 🌷",
            globex,{Day(2, 10)},Day two,UTC

            """);

        var (exit, output, error) = await Mops("post", "import", csv, "--dry-run", "--json");

        Assert.True(exit == 0, output + error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, result.GetProperty("imported").GetInt32());
        var posts = result.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(("plan.csv:2", "acme", "Scheduled", "Spring menu, day one 🌷"), (posts[0].GetProperty("from").GetString(), posts[0].GetProperty("account").GetString(), posts[0].GetProperty("state").GetString(), posts[0].GetProperty("text").GetString()));
        Assert.Equal(new DateTimeOffset(2031, 3, 2, 8, 0, 0, TimeSpan.Zero), posts[0].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(("plan.csv:3", "globex"), (posts[1].GetProperty("from").GetString(), posts[1].GetProperty("account").GetString()));
        Assert.Equal(new DateTimeOffset(2031, 3, 3, 10, 0, 0, TimeSpan.Zero), posts[1].GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(posts[0].TryGetProperty("id", out _));
        Assert.Empty(await PostsAsync());
    }

    [Fact]
    public async Task A_json_file_with_a_trailing_comma_is_refused_at_the_comma_in_plain_words()
    {
        var json = _home.Write("comma.json", $$"""
            [
              { "account": "acme", "at": "{{Day(1)}}", "text": "Crème" },
            ]
            """);

        var (exit, output, error) = await Mops("post", "import", json);

        Assert.True(exit == 1, output + error);
        var column = File.ReadAllLines(json)[1].LastIndexOf(',') + 1;
        Assert.StartsWith($"comma.json:2:{column}: not valid JSON: a comma after the last item of an array or object; JSON allows none there: remove it", error, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await PostsAsync());
    }
}
