using MarketingOps.Core.Plugins;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Tests.Plugins;

public sealed class PluginManagerTests : IDisposable
{
    private readonly PluginFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_plugin_built_outside_the_solution_loads_from_its_folder_and_serves_its_platform()
    {
        TestPluginBuilder.Build(_folder.PluginDirectory("alpha"), "alpha", TestPluginBuilder.PlatformSource("alpha", "Alpha v1"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "alpha", "path": "plugins/alpha" } ] }""");

        using var manager = CreateManager();
        var problems = manager.LoadAll();

        Assert.Empty(problems);
        var state = Assert.Single(manager.States);
        Assert.Equal(PluginStatus.Active, state.Status);
        Assert.Equal(PluginKind.Platform, state.Kind);
        Assert.Equal("Alpha v1", manager.FindPlatform("alpha")!.Descriptor.DisplayName);

        // The plugin's types live in their own load context, not the host's.
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(manager.FindPlatform("alpha")!.GetType().Assembly);
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
    }

    [Fact]
    public void A_plugin_whose_sdk_range_excludes_the_host_is_NotSupported_with_the_reason()
    {
        TestPluginBuilder.Build(_folder.PluginDirectory("future"), "future", TestPluginBuilder.PlatformSource("future", "Future"), sdkRange: "[2.0,3.0)");
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "future", "path": "plugins/future" } ] }""");

        using var manager = CreateManager();
        manager.LoadAll();

        var state = Assert.Single(manager.States);
        Assert.Equal(PluginStatus.NotSupported, state.Status);
        Assert.Contains("[2.0,3.0)", state.Reason, StringComparison.Ordinal);
        Assert.Contains($"this host provides SDK {SdkCompatibility.HostSdkVersion.ToNormalizedString()}", state.Reason, StringComparison.Ordinal);
        Assert.Null(manager.FindPlatform("future"));
    }

    [Fact]
    public void A_plugin_that_throws_while_registering_is_Malfunctioned_and_the_others_stay_active()
    {
        TestPluginBuilder.Build(_folder.PluginDirectory("broken"), "broken", TestPluginBuilder.PlatformSource("broken", "Broken", register: "throw new InvalidOperationException(\"database on fire\");"));
        TestPluginBuilder.Build(_folder.PluginDirectory("good"), "good", TestPluginBuilder.PlatformSource("good", "Good"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "broken", "path": "plugins/broken" }, { "id": "good", "path": "plugins/good" } ] }""");

        using var manager = CreateManager();
        manager.LoadAll();

        var broken = manager.States.Single(s => s.Id == "broken");
        Assert.Equal(PluginStatus.Malfunctioned, broken.Status);
        Assert.Contains("database on fire", broken.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Active, manager.States.Single(s => s.Id == "good").Status);
        Assert.NotNull(manager.FindPlatform("good"));
    }

    [Fact]
    public void A_corrupt_dll_and_a_missing_folder_are_reported_not_fatal()
    {
        var corrupt = _folder.PluginDirectory("corrupt");
        Directory.CreateDirectory(corrupt);
        File.WriteAllBytes(Path.Combine(corrupt, "Corrupt.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03]);
        TestPluginBuilder.WriteManifest(corrupt, "corrupt", "[1.0,2.0)", "platform", "1.0.0", "Corrupt.dll");
        TestPluginBuilder.Build(_folder.PluginDirectory("good"), "good", TestPluginBuilder.PlatformSource("good", "Good"));
        _folder.WritePluginsJson("""
            { "plugins": [
                { "id": "corrupt", "path": "plugins/corrupt" },
                { "id": "ghost", "path": "plugins/does-not-exist" },
                { "id": "good", "path": "plugins/good" } ] }
            """);

        using var manager = CreateManager();
        manager.LoadAll();

        var corruptState = manager.States.Single(s => s.Id == "corrupt");
        Assert.Equal(PluginStatus.Malfunctioned, corruptState.Status);
        Assert.Contains("not a valid .NET assembly", corruptState.Reason, StringComparison.Ordinal);
        var ghost = manager.States.Single(s => s.Id == "ghost");
        Assert.Equal(PluginStatus.Malfunctioned, ghost.Status);
        Assert.Contains("plugin folder not found", ghost.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Active, manager.States.Single(s => s.Id == "good").Status);
    }

    [Fact]
    public void A_disabled_plugin_is_listed_and_never_loaded()
    {
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "off", "path": "plugins/not-even-built", "enabled": false } ] }""");

        using var manager = CreateManager();
        manager.LoadAll();

        var state = Assert.Single(manager.States);
        Assert.Equal(PluginStatus.Disabled, state.Status);
    }

    [Fact]
    public void Invalid_settings_are_reported_with_their_json_path()
    {
        TestPluginBuilder.Build(
            _folder.PluginDirectory("picky"),
            "picky",
            TestPluginBuilder.PlatformSource("picky", "Picky", validate: "return settings[\"seed\"] is null ? [new SettingsProblem(\"rates:1:clickRate\", \"must be between 0 and 1\")] : [];"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "picky", "path": "plugins/picky", "settings": { } } ] }""");

        using var manager = CreateManager();
        var problems = manager.LoadAll();

        var problem = Assert.Single(problems);
        Assert.Equal("$.plugins[0].settings.rates[1].clickRate", problem.Location);
        Assert.Equal("must be between 0 and 1", problem.Message);
        Assert.Equal(PluginStatus.Malfunctioned, manager.States[0].Status);
    }

    [Fact]
    public void A_plugin_id_that_does_not_match_the_folder_is_a_configuration_problem_at_the_id()
    {
        TestPluginBuilder.Build(_folder.PluginDirectory("real"), "real", TestPluginBuilder.PlatformSource("real", "Real"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "imagined", "path": "plugins/real" } ] }""");

        using var manager = CreateManager();
        var problems = manager.LoadAll();

        var problem = Assert.Single(problems);
        Assert.Equal("$.plugins[0].id", problem.Location);
        Assert.Contains("unknown plugin id \"imagined\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuilt_plugin_is_reloaded_in_place_and_its_new_behaviour_is_served()
    {
        var directory = _folder.PluginDirectory("hot");
        TestPluginBuilder.Build(directory, "hot", TestPluginBuilder.PlatformSource("hot", "Hot v1"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "hot", "path": "plugins/hot" } ] }""");
        using var manager = CreateManager(watch: true);
        manager.LoadAll();
        Assert.Equal("Hot v1", manager.FindPlatform("hot")!.Descriptor.DisplayName);
        var oldContext = new WeakReference(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(manager.FindPlatform("hot")!.GetType().Assembly));
        var reloaded = new TaskCompletionSource<PluginState>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.PluginReloaded += (_, state) => reloaded.TrySetResult(state);

        TestPluginBuilder.Build(directory, "hot", TestPluginBuilder.PlatformSource("hot", "Hot v2"));
        var state = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(PluginStatus.Active, state.Status);
        Assert.Equal(1, state.Reloads);
        var publish = await manager.FindPlatform("hot")!.PublishAsync(new PublishRequest("a", new PostDraft("x"), "k1", 1, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        Assert.Equal("Hot v2:k1", publish.Post!.Id);
        Assert.True(await Collected(oldContext), "the old plugin's load context was not released");
    }

    [Fact]
    public async Task Under_watch_a_changed_manifest_alone_reloads_the_plugin()
    {
        var directory = _folder.PluginDirectory("manifest");
        TestPluginBuilder.Build(directory, "manifest", TestPluginBuilder.PlatformSource("manifest", "Manifest"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "manifest", "path": "plugins/manifest" } ] }""");
        using var manager = CreateManager(watch: true);
        manager.LoadAll();
        var reloaded = new TaskCompletionSource<PluginState>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.PluginReloaded += (_, state) => reloaded.TrySetResult(state);

        TestPluginBuilder.WriteManifest(directory, "manifest", "[1.0,2.0)", "platform", "1.4.0", "TestPlugin.manifest.dll");
        var state = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal((PluginStatus.Active, "1.4.0", 1), (state.Status, state.Version, state.Reloads));
        Assert.Equal("1.4.0", Assert.Single(manager.States).Version);
    }

    [Fact]
    public async Task A_broken_rebuild_is_logged_with_its_reason_and_a_fixed_manifest_brings_the_plugin_back()
    {
        var directory = _folder.PluginDirectory("fragile");
        TestPluginBuilder.Build(directory, "fragile", TestPluginBuilder.PlatformSource("fragile", "Fragile"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "fragile", "path": "plugins/fragile" } ] }""");
        var logger = new CollectingLogger<PluginManager>();
        using var manager = CreateManager(watch: true, logger);
        manager.LoadAll();
        var states = new System.Collections.Concurrent.BlockingCollection<PluginState>();
        manager.PluginReloaded += (_, state) => states.Add(state);

        TestPluginBuilder.Build(directory, "fragile", TestPluginBuilder.PlatformSource("fragile", "Fragile", register: "throw new InvalidOperationException(\"database on fire\");"));
        var broken = await Task.Run(() => states.Take(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(PluginStatus.Malfunctioned, broken.Status);
        // The new build changes the assembly and its plugin.json together: whichever watcher fires first names the trigger.
        Assert.Contains(logger.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Warning: Plugin fragile: (rebuilt|plugin\\.json changed), loaded again: Malfunctioned: .*database on fire"));

        // The broken build has no load context left for McMaster to watch; the folder watcher picks up the next build.
        TestPluginBuilder.Build(directory, "fragile", TestPluginBuilder.PlatformSource("fragile", "Fragile again"), version: "1.0.1");
        PluginState fixedState;
        do
        {
            fixedState = await Task.Run(() => states.Take(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        }
        while (fixedState.Status != PluginStatus.Active);

        Assert.Equal("Fragile again", manager.FindPlatform("fragile")!.Descriptor.DisplayName);
        Assert.DoesNotContain(logger.Lines, l => l.Contains("null", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reloading_a_plugin_releases_the_previous_load_context()
    {
        TestPluginBuilder.Build(_folder.PluginDirectory("cycle"), "cycle", TestPluginBuilder.PlatformSource("cycle", "Cycle"));
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "cycle", "path": "plugins/cycle" } ] }""");
        using var manager = CreateManager(watch: false);
        manager.LoadAll();
        var first = WeakContextOf(manager);

        var state = manager.Reload("cycle");

        Assert.Equal(PluginStatus.Active, state.Status);
        Assert.True(await Collected(first), "the first load context was not released");
    }

    private static WeakReference WeakContextOf(PluginManager manager) =>
        new(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(manager.FindPlatform("cycle")!.GetType().Assembly));

    private static async Task<bool> Collected(WeakReference reference)
    {
        for (var i = 0; i < 50 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(20);
        }

        return !reference.IsAlive;
    }

    private PluginManager CreateManager(bool watch = false, Microsoft.Extensions.Logging.ILogger<PluginManager>? logger = null)
    {
        var file = PluginsFileReader.Read(_folder.PluginsFile);
        var activator = new PluginActivator(NoSecretStore.Instance, NullLoggerFactory.Instance, TimeProvider.System);
        return new PluginManager(file, "plugins.json", activator, logger ?? NullLogger<PluginManager>.Instance, watch);
    }
}
