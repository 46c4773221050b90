using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 16: one post to several accounts, and threads, through the real executable.</summary>
public sealed class PostGroupCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostGroupCommandTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" }, { "name": "globex", "timeZone": "America/New_York" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private static string Day(int offset) => new DateTimeOffset(2031, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Schedule_with_two_accounts_and_text_for_makes_one_group_that_show_prints_from_either_post()
    {
        const string Own = "-- globex says: the tasting moves to Friday = 6 pm";
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--account", "globex", "--at", Day(1),
            "--text", "Our tasting evening is on Thursday at six", "--text-for", "globex", Own);

        Assert.True(exit == 0, output + error);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, ids.Length);
        var (_, shown, _) = await Mops("post", "show", ids[1], "--json");
        var root = JsonDocument.Parse(shown).RootElement;
        Assert.Equal(Own, root.GetProperty("post").GetProperty("text").GetString());
        Assert.Equal(ids.Order(), root.GetProperty("group").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order());
        var (_, table, _) = await Mops("post", "show", ids[0]);
        Assert.Contains("Group", table, StringComparison.Ordinal);
        Assert.Contains(ids[1], table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_text_on_two_accounts_of_one_network_is_refused_whole()
    {
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--account", "globex", "--at", Day(2), "--text", "Fresh sourdough every morning from seven");

        Assert.Equal(1, exit);
        Assert.Contains("globex: refused by the guardrails", error, StringComparison.Ordinal);
        Assert.Contains("duplicate-content", error, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Empty(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_thread_file_makes_a_thread_whose_parts_show_in_order_and_an_empty_part_is_refused_by_number()
    {
        var file = _home.Write("thread.txt", "First: we shipped the calendar.\n---\n- second: exports are faster\n---\nThird: thanks for the feedback!\n");
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(3), "--thread-file", file, "--json");

        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], parts.Select(p => p.GetProperty("part").GetInt32()));
        var (_, shown, _) = await Mops("post", "show", parts[1].GetProperty("id").GetString()!, "--json");
        var thread = JsonDocument.Parse(shown).RootElement.GetProperty("thread").EnumerateArray().ToList();
        Assert.Equal(["First: we shipped the calendar.", "- second: exports are faster", "Third: thanks for the feedback!"], thread.Select(p => p.GetProperty("text").GetString()));

        var bad = _home.Write("bad.txt", "One\n---\n\n---\nThree\n");
        var (refused, _, why) = await Mops("post", "schedule", "--account", "acme", "--at", Day(4), "--thread-file", bad);
        Assert.Equal(1, refused);
        Assert.Contains("bad.txt:3: part 2 of 3 of the thread has no text", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("One\n---\n---\nThree\n", "bad.txt:3: part 2 of 3 of the thread is empty: two '---' lines in a row")]
    [InlineData("One\r\n---\r\n---\r\nThree\r\n", "bad.txt:3: part 2 of 3 of the thread is empty: two '---' lines in a row")]
    [InlineData("One\n---\nTwo\n---\n", "bad.txt:4: part 3 of 3 of the thread is empty: the file ends with a '---' line; remove it")]
    [InlineData("---\nOne\n", "bad.txt:1: part 1 of 2 of the thread is empty: the file starts with a '---' line; remove it")]
    public async Task A_thread_file_with_an_empty_part_is_refused_naming_the_file_and_line_and_nothing_is_scheduled(string content, string expected)
    {
        // Two '---' lines in a row put a literal '---' into part 2; a trailing one was refused as "--text: the post has no text".
        _home.Write("bad.txt", content);

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(9), "--thread-file", "bad.txt");

        Assert.True(exit == 1, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("--text", error, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Equal("[]", list.Trim());
    }

    [Fact]
    public async Task A_thread_file_with_crlf_line_ends_keeps_each_parts_text_as_written()
    {
        _home.Write("thread.txt", "First line\r\nsecond line\r\n---\r\nPart two\r\n");

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(10), "--thread-file", "thread.txt", "--json");

        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["First line\r\nsecond line", "Part two"], parts.Select(p => p.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_threads_media_go_with_its_first_part_only()
    {
        var cat = _home.Write("cat.png", "an image");
        var file = _home.Write("thread.txt", "Meet Mimi, our bakery cat.\n---\nShe sleeps on the counter all morning.\n");

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(6), "--thread-file", file, "--media", cat, "--alt", "A ginger cat", "--json");

        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().ToList();
        var media = new List<int>();
        foreach (var part in parts)
        {
            var (_, shown, _) = await Mops("post", "show", part.GetProperty("id").GetString()!, "--json");
            media.Add(JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("media").GetArrayLength());
        }

        Assert.Equal([1, 0], media);
    }

    [Fact]
    public async Task First_comment_is_a_thread_of_two_and_bad_option_combinations_are_refused()
    {
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(5), "--text", "New roast: Ethiopia Guji", "--first-comment", "-> tasting notes: peach, jasmine", "--json");

        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(2, parts.Count);

        var (wrong, _, why) = await Mops("post", "schedule", "--account", "acme", "--at", Day(6), "--text", "x", "--text-for", "globex", "y");
        Assert.Equal(2, wrong);
        Assert.Contains("--text-for globex: 'globex' is not one of the --account options", why, StringComparison.Ordinal);
        var (two, _, whyTwo) = await Mops("guardrails", "check", "--account", "acme", "--account", "globex", "--text", "x");
        Assert.Equal(2, two);
        Assert.Contains("name one --account", whyTwo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thread_with_short_links_gives_each_part_its_own_link_and_says_what_each_part_will_publish()
    {
        _home.Write("mops.json", """{ "Links": { "Tag": true, "ShortBaseUrl": "https://go.acme.example" } }""");
        var file = _home.Write("thread.txt", "Spring menu: https://shop.example/menu\n---\nNo link in this part\n---\nBook a table: https://shop.example/book\n");

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", Day(7), "--thread-file", file, "--json");

        Assert.True(exit == 0, output + error);
        var parts = JsonDocument.Parse(output).RootElement.GetProperty("posts")[0].GetProperty("parts").EnumerateArray().ToList();
        var shortUrls = new List<string>();
        foreach (var i in new[] { 0, 2 })
        {
            var link = Assert.Single(parts[i].GetProperty("links").GetProperty("links").EnumerateArray());
            var shortUrl = link.GetProperty("shortUrl").GetString()!;
            Assert.StartsWith("https://go.acme.example/l/", shortUrl, StringComparison.Ordinal);
            Assert.EndsWith(shortUrl, parts[i].GetProperty("text").GetString(), StringComparison.Ordinal);
            shortUrls.Add(shortUrl);
            var (_, shown, _) = await Mops("post", "show", parts[i].GetProperty("id").GetString()!, "--json");
            Assert.Equal(parts[i].GetProperty("text").GetString(), JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("text").GetString());
        }

        Assert.NotEqual(shortUrls[0], shortUrls[1]);
        Assert.Equal("No link in this part", parts[1].GetProperty("text").GetString());
        Assert.False(parts[1].TryGetProperty("links", out _));

        var other = _home.Write("other.txt", "Summer hours from June: https://shop.example/hours\n---\nWe open at eight on weekdays\n---\nThe terrace opens too: https://shop.example/terrace\n");
        var (again, _, said) = await Mops("post", "schedule", "--account", "acme", "--at", Day(8), "--thread-file", other);
        Assert.True(again == 0, said);
        Assert.Contains("links of part 1: 1 link tagged with UTM parameters and shortened", said, StringComparison.Ordinal);
        Assert.Contains("links of part 3:", said, StringComparison.Ordinal);
        Assert.DoesNotContain("links of part 2", said, StringComparison.Ordinal);
    }
}
