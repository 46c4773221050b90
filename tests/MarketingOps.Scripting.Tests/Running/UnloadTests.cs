using System.Globalization;
using System.Runtime.CompilerServices;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Running;

/// <summary>
/// Inside a worker, each run's collectible load context must be collected after the run, whatever the script did, so a
/// warm worker's memory stays flat between recycles. These drive the worker's executor directly, in the test process,
/// with benign scripts only (hostile ones run in real workers: see HostileRuntimeTests).
/// </summary>
public sealed class UnloadTests
{
    [Fact]
    public async Task The_load_context_of_a_finished_run_is_collected()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("one.csx", "record Row(int X);\nvar rows = Enumerable.Range(0, 10).Select(i => new Row(i)).ToList();\nrows.Sum(r => r.X)\n");
        using var executor = new ScriptExecutor(0, TimeSpan.FromMinutes(1), TimeProvider.System);

        var context = await RunAndForgetAsync(executor, file);

        Assert.True(Collected([context]), "the script's load context is still alive after the run");
    }

    [Fact]
    public async Task A_hundred_distinct_scripts_in_one_worker_are_all_collected()
    {
        using var folder = new ScriptFolder();
        using var executor = new ScriptExecutor(0, TimeSpan.FromMinutes(1), TimeProvider.System);
        var contexts = new List<WeakReference>();
        for (var i = 0; i < 100; i++)
        {
            var file = folder.Write($"s{i}.csx", Script(i));
            contexts.Add(await RunAndForgetAsync(executor, file, TimeSpan.FromMilliseconds(i % 10 == 9 ? 100 : 30_000)));
        }

        await ReleaseJsonAccessorCacheAsync();

        Assert.True(Collected(contexts), $"{contexts.Count(c => c.IsAlive)} of 100 load contexts are still alive");
    }

    /// <summary>
    /// System.Text.Json's caches (its reflection-emit accessors above all) keep the types of recent serializations, so
    /// the last scripts that used Json stay loaded until they are dropped. Drop them now, through the handler .NET's
    /// hot reload calls for exactly this, instead of waiting for them to age out on the wall clock.
    /// </summary>
    private static async Task ReleaseJsonAccessorCacheAsync()
    {
        await Task.Yield();
        var handler = typeof(System.Text.Json.JsonSerializer).Assembly.GetType("System.Text.Json.JsonSerializerOptionsUpdateHandler", throwOnError: true)!;
        handler.GetMethod("ClearCache", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, [null]);
#pragma warning disable CA1869 // a fresh instance on purpose: it must build new metadata, which is what triggers the eviction
        var options = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
#pragma warning restore CA1869
        Assert.NotEmpty(System.Text.Json.JsonSerializer.Serialize(new { Nudge = 1 }, options));
    }

    [Fact]
    public async Task Scripts_kept_loaded_for_their_next_run_are_unloaded_when_pushed_out_or_disposed()
    {
        using var folder = new ScriptFolder();
        var executor = new ScriptExecutor(2, TimeSpan.FromMinutes(1), TimeProvider.System);
        var contexts = new List<WeakReference>();
        for (var i = 0; i < 5; i++)
        {
            contexts.Add(await RunAndForgetAsync(executor, folder.Write($"w{i}.csx", $"{i}\n")));
        }

        Assert.Equal(2, executor.WarmCount);
        Assert.True(Collected(contexts.Take(3).ToList()), "scripts pushed out of the warm set are still loaded");
        Assert.True(contexts.Skip(3).All(c => c.IsAlive));

        executor.Dispose();

        Assert.True(Collected(contexts), "scripts still loaded after the executor was disposed");
    }

    // A mix of what scripts do: types, lambdas, LINQ, JSON, async, exceptions, timeouts, posts.
    private static string Script(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return (i % 10) switch
        {
            0 => $"record R{n}(int X);\nvar json = Json.Serialize(new R{n}({n}));\nJson.Deserialize<R{n}>(json)!.X + Json.Serialize(new {{ n = {n} }}).Length\n",
            1 => $"class C{n} {{ public int V => {n}; }}\nnew C{n}().V\n",
            2 => $"Enumerable.Range(0, {n}).Select(x => x * 2).Where(x => x % 3 == 0).Sum()\n",
            3 => $"async Task<int> F() {{ await Delay(TimeSpan.Zero); return {n}; }}\nawait F()\n",
            4 => $"throw new InvalidOperationException(\"script {n}\");\n",
            5 => $"Posts.Schedule(\"brand\", \"post {n}\", Now.AddHours(1)).Id\n",
            6 => $"var d = new Dictionary<string, List<int>> {{ [\"k{n}\"] = [{n}] }};\nd.Values.SelectMany(v => v).Single()\n",
            7 => $"Log.LogInformation(\"script {{N}}\", {n});\nstring.Create(System.Globalization.CultureInfo.InvariantCulture, $\"{{{n}:N0}}\")\n",
            8 => $"async Task Forgotten() {{ while (true) {{ await Delay(TimeSpan.FromMilliseconds(5)); }} }}\n_ = Forgotten();\nfrom x in new[] {{ {n} }} select x\n",
            _ => $"var spin{n} = 0L;\nwhile (true) {{ spin{n}++; }}\n",
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RunAndForgetAsync(ScriptExecutor executor, string file, TimeSpan? timeout = null)
    {
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions);
        var key = MarketingOps.Scripting.Caching.ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        var output = ScriptCompiler.Compile(sources, ScriptExecutor.AssemblyName(key), TestContext.Current.CancellationToken);
        Assert.True(output.Succeeded, string.Join("\n", output.Diagnostics));
        var host = new TestHost();
        var result = await executor.RunAsync(key, output.Image, token => new ScriptGlobals(host.Host.Services, [], false, token), timeout ?? TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.NotEqual(RunEnd.NotLoaded, result.Reply.End);
        Assert.NotEqual(RunEnd.LoadFailed, result.Reply.End);
        return result.LoadContext!;
    }

    private static bool Collected(IReadOnlyList<WeakReference> contexts)
    {
        for (var attempt = 0; attempt < 50 && contexts.Any(c => c.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !contexts.Any(c => c.IsAlive);
    }
}
