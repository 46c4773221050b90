using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: alt text for each image, given on the command line, kept with the post, through the real executable.</summary>
public sealed class PostMediaCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostMediaCommandTests() => _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Each_alt_describes_the_media_at_its_place_and_is_kept_whole()
    {
        var cat = _home.Write("cat.png", "not really a png; the CLI checks the name and the plugin reads it");
        var menu = _home.Write("menu.jpg", "the same");
        const string Alt = "-- A ginger cat asleep on the bakery's counter, \"Mimi\"";

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-05-01 09:00", "--text", "Meet Mimi",
            "--media", cat, "--alt", Alt, "--media", menu, "--json");

        Assert.True(exit == 0, output + error);
        var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
        var (_, shown, _) = await Mops("post", "show", id, "--json");
        var post = JsonDocument.Parse(shown).RootElement.GetProperty("post");
        Assert.Equal([cat, menu], post.GetProperty("media").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal([Alt, null], post.GetProperty("mediaAlt").EnumerateArray().Select(m => m.GetString()));
        var (_, table, _) = await Mops("post", "show", id);
        Assert.Contains("(alt: " + Alt + ")", table, StringComparison.Ordinal);
        Assert.Contains("menu.jpg (no alt text)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_of_media_alone_is_taken_and_one_of_nothing_is_refused()
    {
        var cat = _home.Write("cat.png", "an image");

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-05-01 09:00", "--text", "", "--media", cat, "--alt", "A cat", "--json");

        Assert.True(exit == 0, output + error);
        var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
        var (_, shown, _) = await Mops("post", "show", id, "--json");
        var post = JsonDocument.Parse(shown).RootElement.GetProperty("post");
        Assert.Equal("", post.GetProperty("text").GetString());
        Assert.Equal([cat], post.GetProperty("media").EnumerateArray().Select(m => m.GetString()));

        var (nothing, _, why) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-05-01 10:00", "--text", "");
        Assert.NotEqual(0, nothing);
        Assert.Contains("the post has no text and no media", why, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task More_alt_texts_than_media_files_are_refused_and_nothing_is_stored()
    {
        var cat = _home.Write("cat.png", "an image");

        var (exit, _, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-05-01 09:00", "--text", "Meet Mimi",
            "--media", cat, "--alt", "A cat", "--alt", "A second description of nothing");

        Assert.NotEqual(0, exit);
        Assert.Contains("--alt is given 2 times for 1 --media file(s)", error, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Empty(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }
}
