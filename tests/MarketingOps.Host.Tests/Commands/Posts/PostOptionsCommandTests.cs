using System.Globalization;
using System.Text.Json;
using MarketingOps.Host.Tests.Fakes;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: a platform's options given on the command line, kept with the post and sent as given; an option the platform does not take is refused.</summary>
public sealed class PostOptionsCommandTests : IAsyncLifetime
{
    private readonly TempFolder _home = new();
    private FakeMastodon _mastodon = null!;

    public async ValueTask InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        await _mastodon.WriteClientFolderAsync(_home);
    }

    public async ValueTask DisposeAsync()
    {
        await _mastodon.DisposeAsync();
        _home.Dispose();
    }

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Mastodon_options_are_kept_whole_shown_and_sent_with_the_status()
    {
        const string Warning = "-5 °C = \"cold\" in Sapporo";
        using var run = MopsProcess.Start(_home.Root, "run", "--no-web");
        await run.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        var at = TimeProvider.System.GetUtcNow().AddSeconds(3).ToString("O", CultureInfo.InvariantCulture);

        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", at, "--text", "Stay warm today",
            "--option", "spoiler_text", Warning, "--option", "visibility=unlisted", "--option", "language", "en", "--json");

        Assert.True(exit == 0, output + error);
        var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (_mastodon.Statuses.IsEmpty)
        {
            Assert.False(run.HasExited, run.StandardError);
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "nothing was published: " + run.StandardOutput + run.StandardError);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        run.Interrupt();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var status = Assert.Single(_mastodon.Statuses);
        Assert.Equal(("Stay warm today", Warning, "unlisted", "en"), (status["status"]!.GetValue<string>(), status["spoiler_text"]!.GetValue<string>(), status["visibility"]!.GetValue<string>(), status["language"]!.GetValue<string>()));
        var (_, shown, _) = await Mops("post", "show", id, "--json");
        var options = JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("options");
        Assert.Equal(Warning, options.GetProperty("spoiler_text").GetString());
        var (_, table, _) = await Mops("post", "show", id);
        Assert.Contains("visibility = unlisted", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_the_platform_does_not_take_or_a_bad_value_is_refused_with_what_it_takes_and_nothing_is_stored()
    {
        var misspelt = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "visibilty", "unlisted");
        var badValue = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "visibility=everyone");
        var noValue = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "visibility");
        var twice = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "language=en", "--option", "language=de");
        var check = await Mops("guardrails", "check", "--account", "acme", "--text", "Hello", "--option", "sensitive=yes");

        Assert.Equal(1, misspelt.ExitCode);
        Assert.Contains("--option: 'visibilty' is not an option of Mastodon; it takes language (", misspelt.Err, StringComparison.Ordinal);
        Assert.Contains("visibility (who sees the status: public, unlisted, private or direct)", misspelt.Err, StringComparison.Ordinal);
        Assert.Equal(1, badValue.ExitCode);
        Assert.Contains("visibility must be one of public, unlisted, private, direct; 'everyone' is not.", badValue.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, noValue.ExitCode);
        Assert.Contains("--option takes a name and a value", noValue.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, twice.ExitCode);
        Assert.Contains("--option language is given 2 times", twice.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, check.ExitCode);
        Assert.Contains("sensitive must be true or false; 'yes' is not.", check.Out + check.Err, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Empty(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_bad_option_value_is_reported_under_the_option_not_the_text()
    {
        var csv = _home.Write("bad.csv", """
            account,at,text,option:visibility
            acme,2099-04-02 09:30,Hello,everyone

            """);
        var json = _home.Write("bad.json", """[ { "account": "acme", "at": "2099-04-02 09:30", "text": "Hello", "options": { "visibility": "everyone", "language": "en" } } ]""");

        var schedule = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "visibility=everyone", "--option", "language=en");
        var fromCsv = await Mops("post", "import", csv);
        var fromJson = await Mops("post", "import", json, "--json");

        const string Problem = "visibility must be one of public, unlisted, private, direct; 'everyone' is not.";
        Assert.Equal(1, schedule.ExitCode);
        Assert.Contains("--option visibility: " + Problem, schedule.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("text (Mastodon", schedule.Err, StringComparison.Ordinal);
        Assert.Equal(1, fromCsv.ExitCode);
        Assert.StartsWith("bad.csv:2: option:visibility: " + Problem, fromCsv.Err, StringComparison.Ordinal);
        Assert.Equal(1, fromJson.ExitCode);
        Assert.Equal("bad.json: post 1: options.visibility: " + Problem, JsonDocument.Parse(fromJson.Out).RootElement.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async Task An_import_file_gives_options_by_column_or_json_object_and_a_wrong_one_is_named_by_row()
    {
        var csv = _home.Write("posts.csv", """"
            account,at,text,option:visibility,option:spoiler_text
            acme,2099-03-30 09:30,Stay warm today,unlisted,"-5 °C, ""cold"""
            acme,2099-03-31 09:30,No options on this one,,

            """");
        var json = _home.Write("posts.json", """[ { "account": "acme", "at": "2099-04-01 09:30", "text": "From JSON", "options": { "language": "en" } } ]""");
        var wrong = _home.Write("wrong.csv", """
            account,at,text,option:visibilty
            acme,2099-04-02 09:30,Misspelt,unlisted

            """);
        var notObject = _home.Write("wrong.json", """[ { "account": "acme", "at": "2099-04-02 09:30", "text": "Options as text", "options": "visibility=unlisted" } ]""");

        var imported = await Mops("post", "import", csv, "--json");
        var fromJson = await Mops("post", "import", json, "--json");
        var misspelt = await Mops("post", "import", wrong);
        var asText = await Mops("post", "import", notObject);

        Assert.True(imported.ExitCode == 0, imported.Out + imported.Err);
        Assert.True(fromJson.ExitCode == 0, fromJson.Out + fromJson.Err);
        var ids = JsonDocument.Parse(imported.Out).RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        ids.Add(JsonDocument.Parse(fromJson.Out).RootElement.GetProperty("posts")[0].GetProperty("id").GetString()!);
        var options = new List<Dictionary<string, string>>();
        foreach (var id in ids)
        {
            var (_, shown, _) = await Mops("post", "show", id, "--json");
            options.Add(JsonDocument.Parse(shown).RootElement.GetProperty("post").GetProperty("options").Deserialize<Dictionary<string, string>>()!);
        }

        Assert.Equal(new Dictionary<string, string> { ["visibility"] = "unlisted", ["spoiler_text"] = "-5 °C, \"cold\"" }, options[0]);
        Assert.Empty(options[1]);
        Assert.Equal(new Dictionary<string, string> { ["language"] = "en" }, options[2]);
        Assert.Equal(1, misspelt.ExitCode);
        Assert.StartsWith("wrong.csv:2: options: 'visibilty' is not an option of Mastodon; it takes ", misspelt.Err, StringComparison.Ordinal);
        Assert.Equal(1, asText.ExitCode);
        Assert.StartsWith("wrong.json: post 1: options: must be an object of option names and string values", asText.Err, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Equal(3, JsonDocument.Parse(list).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Nulls_in_an_import_file_are_named_by_post_and_field_and_nothing_is_stored()
    {
        var json = _home.Write("nulls.json", """
            [
              { "account": "acme", "at": "2099-04-01 09:30", "text": "A", "options": { "spoiler_text": null, "language": null } },
              { "account": "acme", "at": "2099-04-02 09:30", "text": "B", "media": [null] }
            ]
            """);

        var (exit, output, error) = await Mops("post", "import", json, "--dry-run");

        Assert.True(exit == 1, output + error);
        Assert.Contains("nulls.json: post 1: options.language: must be a string", error, StringComparison.Ordinal);
        Assert.Contains("nulls.json: post 1: options.spoiler_text: must be a string", error, StringComparison.Ordinal);
        Assert.Contains("nulls.json: post 2: media: must be an array of file names; null is not one", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        var (_, list, _) = await Mops("post", "list", "--json");
        Assert.Empty(JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task The_sandbox_takes_no_options_and_says_so()
    {
        using var sandbox = new TempFolder();
        sandbox.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");

        var (exit, _, error) = await MopsProcess.RunAsync(sandbox.Root, "post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Hello", "--option", "visibility", "unlisted");

        Assert.Equal(1, exit);
        Assert.Contains("--option: 'visibility' is not an option of ", error, StringComparison.Ordinal);
        Assert.Contains("which takes none.", error, StringComparison.Ordinal);
    }
}
