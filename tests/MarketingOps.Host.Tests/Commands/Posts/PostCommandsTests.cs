using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>`mops post …` through the real executable, on the sandbox.</summary>
public sealed class PostCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostCommandsTests()
    {
        _home.WriteSandboxPluginsJson("""{ "maxLength": 40 }""", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Schedule_prints_the_id_and_list_show_cancel_work_with_it()
    {
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Spring is here");
        Assert.True(exit == 0, error);
        var id = output.Trim();
        Assert.Matches("^[0-9a-f]{32}$", id);

        var (_, listJson, _) = await Mops("post", "list", "--state", "Scheduled", "--json");
        var listed = JsonDocument.Parse(listJson).RootElement.EnumerateArray().Single();
        Assert.Equal(id, listed.GetProperty("id").GetString());
        // 09:30 in Berlin on 30 March 2099 is summer time, +02:00.
        Assert.Equal(new DateTimeOffset(2099, 3, 30, 7, 30, 0, TimeSpan.Zero), listed.GetProperty("scheduledAt").GetDateTimeOffset());

        var (cancelExit, cancelled, _) = await Mops("post", "cancel", id);
        Assert.Equal(0, cancelExit);
        Assert.Contains("Cancelled", cancelled, StringComparison.Ordinal);

        var (_, showJson, _) = await Mops("post", "show", id, "--json");
        var history = JsonDocument.Parse(showJson).RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Scheduled", "Cancelled"], history);
    }

    [Fact]
    public async Task Schedule_reports_the_platforms_problems_and_stores_nothing()
    {
        var (exit, _, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30T09:30:00+02:00", "--text", new string('x', 41));

        Assert.Equal(1, exit);
        Assert.Contains("at most 40", error, StringComparison.Ordinal);
        var (_, listJson, _) = await Mops("post", "list", "--json");
        Assert.Empty(JsonDocument.Parse(listJson).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Retry_and_resolve_refuse_posts_in_the_wrong_state_with_a_clear_error()
    {
        var (_, output, _) = await Mops("post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Hello");
        var id = output.Trim();

        var (retryExit, _, retryError) = await Mops("post", "retry", id);
        var (resolveExit, _, resolveError) = await Mops("post", "resolve", id, "--not-published");
        var (usageExit, _, usageError) = await Mops("post", "resolve", id);

        Assert.Equal((1, 1, 2), (retryExit, resolveExit, usageExit));
        Assert.Contains("only a post that is Failed can be retried", retryError, StringComparison.Ordinal);
        Assert.Contains("Unconfirmed", resolveError, StringComparison.Ordinal);
        Assert.Contains("--not-published", usageError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_of_a_failed_post_loads_the_plugins_and_the_post_is_published_once()
    {
        // A post that failed because its plugin was not active when it was due (its own message says to retry).
        var id = await StoreFailedPostAsync("Back after the outage", "platform 'sandbox' is not active (its plugin is missing, disabled or failed to load); fix it, then run `mops post retry`");

        var (exit, output, error) = await Mops("post", "retry", id, "--json");

        Assert.True(exit == 0, error);
        Assert.Equal("Scheduled", JsonDocument.Parse(output).RootElement.GetProperty("state").GetString());
        using (var run = MopsProcess.Start(_home.Root, "run"))
        {
            await WaitForStateAsync(id, "Published");
            run.Interrupt();
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        var (_, showJson, _) = await Mops("post", "show", id, "--json");
        var show = JsonDocument.Parse(showJson).RootElement;
        Assert.Equal(1, show.GetProperty("post").GetProperty("attempts").GetInt32());
        Assert.Single(show.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "Published");
    }

    /// <summary>Stores a post that went Scheduled → Failed, as a fire-time failure leaves it.</summary>
    private async Task<string> StoreFailedPostAsync(string text, string reason)
    {
        var paths = Core.Storage.StoragePaths.For(_home.Root, new Core.Storage.StorageOptions());
        Directory.CreateDirectory(Path.GetDirectoryName(paths.PostsDatabase)!);
        var store = new Core.Storage.SqlitePostStore(paths.PostsDatabase, TimeSpan.FromSeconds(30), TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        var id = Guid.CreateVersion7().ToString("N");
        var post = await store.InsertAsync(new Core.Posts.Post(id, "acme", text, now, Core.Posts.PostState.Scheduled, "mops-" + id) { DueAt = now, CreatedAt = now, UpdatedAt = now }, "scheduled by the test", CancellationToken.None);
        await store.TryTransitionAsync(post, post with { State = Core.Posts.PostState.Failed, LastError = reason, UpdatedAt = now }, reason, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return id;
    }

    private async Task WaitForStateAsync(string id, string wanted)
    {
        var state = "";
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (state != wanted && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            var (_, showJson, _) = await Mops("post", "show", id, "--json");
            state = showJson.Length > 0 ? JsonDocument.Parse(showJson).RootElement.GetProperty("post").GetProperty("state").GetString() ?? "" : "";
        }

        Assert.Equal(wanted, state);
    }

    [Fact]
    public async Task Run_publishes_a_post_the_cli_schedules_while_it_runs()
    {
        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        var at = TimeProvider.System.GetUtcNow().AddSeconds(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var (_, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", at, "--text", "Live from the CLI");
        var id = output.Trim();
        Assert.False(string.IsNullOrEmpty(id), error);

        string state = "";
        for (var i = 0; i < 150 && state != "Published"; i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            var (_, showJson, _) = await Mops("post", "show", id, "--json");
            state = showJson.Length > 0 ? JsonDocument.Parse(showJson).RootElement.GetProperty("post").GetProperty("state").GetString() ?? "" : "";
        }

        Assert.Equal("Published", state);
        run.Interrupt();
        Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_second_run_on_the_same_client_folder_is_refused_naming_the_file_and_process()
    {
        using var first = MopsProcess.Start(_home.Root, "run");
        await first.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));

        var (exit, _, error) = await Mops("run");

        Assert.NotEqual(0, exit);
        Assert.Contains(Path.Combine(_home.Root, "data", "mops.db"), error, StringComparison.Ordinal);
        Assert.Contains($"process {first.Id}", error, StringComparison.Ordinal);
        first.Interrupt();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }
}
