namespace MarketingOps.Host.Tests.Cli;

/// <summary>Storage faults through the real executable: each names the file and the way out, in one line (issue 10).</summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly TempFolder _home = new();

    public StorageFaultTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private string PostsDatabase => Path.Combine(_home.Root, "data", "mops.db");

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_with_the_way_out()
    {
        _home.Write("data/mops.db", new string('x', 8192));

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "post", "list");

        Assert.Equal(1, exit);
        Assert.Contains($"The store {PostsDatabase} is damaged (it is not a SQLite database)", error, StringComparison.Ordinal);
        Assert.Contains("restore it from your backup", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--verbose", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_written_mid_file_stops_mops_run_at_start_and_names_the_file()
    {
        var (scheduled, _, scheduleError) = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Before the damage");
        Assert.True(scheduled == 0, scheduleError);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var file = new FileStream(PostsDatabase, FileMode.Open, FileAccess.Write))
        {
            // Page 2 onwards: the header still says SQLite, the b-tree pages are garbage.
            file.Position = 4096;
            await file.WriteAsync(Enumerable.Repeat((byte)0xA5, 8192).ToArray(), TestContext.Current.CancellationToken);
        }

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "run");

        Assert.Equal(1, exit);
        Assert.Contains($"The store {PostsDatabase} is damaged", error, StringComparison.Ordinal);
        Assert.Contains("restore it from your backup", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_schedule_says_it_can_be_rebuilt_from_the_posts()
    {
        _home.Write("data/schedule.db", new string('y', 8192));

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "run");

        Assert.Equal(1, exit);
        Assert.Contains("schedule.db is damaged", error, StringComparison.Ordinal);
        Assert.Contains("mops rebuilds from the posts", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_mops_run_on_the_same_folder_is_refused_in_one_line_before_loading_plugins()
    {
        using var first = MopsProcess.Start(_home.Root, "run");
        await first.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromMinutes(2));

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "run");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Another mops run (process {first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}) is already using {PostsDatabase}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Plugin sandbox", output + error, StringComparison.Ordinal);

        // A reader is not kept waiting by the running host.
        var (listExit, _, listError) = await MopsProcess.RunAsync(_home.Root, "post", "list");
        Assert.True(listExit == 0, listError);
        first.Interrupt();
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }
}
