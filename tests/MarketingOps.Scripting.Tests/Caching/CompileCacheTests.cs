using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Caching;

public sealed class CompileCacheTests
{
    [Fact]
    public async Task The_second_run_of_an_unchanged_script_skips_compilation()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "#load \"lib.csx\"\nAnswer()\n");
        folder.Write("lib.csx", "int Answer() => 42;\n");
        var host = new TestHost(folder.CacheDirectory);

        var first = await host.RunAsync(file);
        var second = await host.RunAsync(file);

        Assert.Equal((false, "42"), (first.CacheHit, first.ReturnValue));
        Assert.Equal((true, "42"), (second.CacheHit, second.ReturnValue));
        Assert.Single(Directory.GetFiles(folder.CacheDirectory, "*.dll"));
    }

    [Fact]
    public async Task The_cache_survives_a_new_runner_as_after_a_restart()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "6 * 7\n");
        await new TestHost(folder.CacheDirectory).RunAsync(file);

        var afterRestart = await new TestHost(folder.CacheDirectory).RunAsync(file);

        Assert.True(afterRestart.CacheHit);
        Assert.Equal("42", afterRestart.ReturnValue);
    }

    [Fact]
    public async Task A_change_in_a_loaded_file_invalidates_the_cached_script()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "#load \"lib/answer.csx\"\nAnswer()\n");
        folder.Write("lib/answer.csx", "int Answer() => 42;\n");
        var host = new TestHost(folder.CacheDirectory);
        await host.RunAsync(file);

        folder.Write("lib/answer.csx", "int Answer() => 43;\n");
        var afterChange = await host.RunAsync(file);

        Assert.False(afterChange.CacheHit);
        Assert.Equal("43", afterChange.ReturnValue);
        Assert.True((await host.RunAsync(file)).CacheHit);
    }

    [Fact]
    public async Task A_change_in_the_main_file_invalidates_the_cached_script()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "1\n");
        var host = new TestHost(folder.CacheDirectory);
        await host.RunAsync(file);

        folder.Write("report.csx", "2\n");
        var afterChange = await host.RunAsync(file);

        Assert.Equal((false, "2"), (afterChange.CacheHit, afterChange.ReturnValue));
    }

    [Fact]
    public async Task A_damaged_cache_entry_is_recompiled_not_fatal()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "\"fine\"\n");
        using var pool = new MarketingOps.Scripting.Workers.ScriptWorkerPool(TestWorkers.Options(o => o.WarmScriptsPerWorker = 0));
        var host = new TestHost(folder.CacheDirectory, pool); // every run reads the cache, as after a restart
        await host.RunAsync(file);
        foreach (var dll in Directory.GetFiles(folder.CacheDirectory, "*.dll"))
        {
            File.WriteAllBytes(dll, [1, 2, 3]);
        }

        var damaged = await host.RunAsync(file);
        var repaired = await host.RunAsync(file);

        Assert.False(damaged.Succeeded);
        Assert.Contains("could not be loaded", Assert.Single(damaged.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal((false, "fine"), (repaired.CacheHit, repaired.ReturnValue));
    }

    [Fact]
    public async Task Refused_scripts_are_never_cached()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("bad.csx", "System.IO.File.Delete(\"x\");\n");

        await new TestHost(folder.CacheDirectory).RunAsync(file);

        Assert.False(Directory.Exists(folder.CacheDirectory) && Directory.GetFiles(folder.CacheDirectory).Length > 0);
    }
}
