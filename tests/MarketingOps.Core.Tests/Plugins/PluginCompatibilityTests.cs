using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Core.Tests.Plugins;

/// <summary>What the host promises plugins built elsewhere: older SDK builds keep working, and their own libraries stay their own.</summary>
public sealed class PluginCompatibilityTests : IDisposable
{
    private readonly PluginFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_plugin_binary_built_against_SDK_1_0_loads_in_this_host_and_publishes_through_the_pipeline()
    {
        var fixture = Path.Combine(RepositoryFolder.Root, "tests", "Fixtures", "OldSdkPlugin", "built");
        using var manager = Load("oldsdk", fixture, """{ "prefix": "v1" }""");

        var state = Assert.Single(manager.States);
        Assert.True(state.Status == PluginStatus.Active, $"{state.Status}: {state.Reason}");
        Assert.Equal(new Version(1, 0, 0, 0), ReferencedSdk(Path.Combine(fixture, "OldSdk.Fixture.dll")));
        Assert.True(SdkInfo.Version > new Version(1, 0), "this host carries a newer SDK than the fixture was built against");

        var platform = manager.FindPlatform("oldsdk")!;
        using var pipeline = new PublishingFixture(loaded: platform);
        var post = await pipeline.ScheduleAsync(TimeSpan.FromMinutes(5), "Hello from a plugin built against SDK 1.0");
        var published = await pipeline.FireAsync(post.Id);

        Assert.Equal(PostState.Published, published!.State);
        Assert.Equal("v1-1", published.PlatformPostId);
        Assert.Equal(new Uri("https://old.invalid/v1-1"), published.PlatformUrl);
        var lookup = await platform.LookupAsync(new PublishRequest("acme", new PostDraft("x"), post.IdempotencyKey, 2, PublishingFixture.Start), CancellationToken.None);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.IsAssignableFrom<IAudienceSource>(platform);
    }

    [Fact]
    public void A_plugin_keeps_its_own_older_YamlDotNet_and_Newtonsoft_Json_while_the_host_carries_newer_ones()
    {
        // Make sure the newer versions are loaded in the host's context before the plugin asks for its own.
        var hostYaml = typeof(YamlDotNet.Serialization.IDeserializer).Assembly.GetName().Version!;
        var hostJson = typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version!;
        Assert.True(hostYaml.Major >= 16 && hostJson.Major >= 13, $"the test host must carry newer libraries ({hostYaml}, {hostJson})");

        using var manager = Load("privatedeps", RepositoryFolder.BuiltPlugin("MarketingOps.Testing.PrivateDepsPlugin"));

        var state = Assert.Single(manager.States);
        Assert.True(state.Status == PluginStatus.Active, $"{state.Status}: {state.Reason}");
        var ranOn = manager.FindPlatform("privatedeps")!.Descriptor.DisplayName;
        Assert.StartsWith("yaml 11.0.0.0 json 12.0.0.0 ", ranOn, StringComparison.Ordinal);
        Assert.EndsWith("""{"Text":{"Value":"HELLO"}}""", ranOn, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_check_passes_a_plugin_with_private_libraries_and_names_a_newer_shared_one()
    {
        Assert.Empty(PluginReferenceCheck.Check(RepositoryFolder.BuiltPlugin("MarketingOps.Testing.PrivateDepsPlugin")));

        // A plugin that ships (and so was built against) a newer Logging.Abstractions than the host shares.
        var directory = _folder.PluginDirectory("newer");
        Directory.CreateDirectory(directory);
        var host = PluginReferenceCheck.SharedVersions["Microsoft.Extensions.Logging.Abstractions"];
        var newer = new Version(host.Major + 1, 0, 0, 0);
        TestPluginBuilder.BuildLibrary(directory, "Microsoft.Extensions.Logging.Abstractions", newer);

        var conflict = Assert.Single(PluginReferenceCheck.Check(directory));
        Assert.Contains($"Microsoft.Extensions.Logging.Abstractions {newer}", conflict, StringComparison.Ordinal);
        Assert.Contains($"the host shares Microsoft.Extensions.Logging.Abstractions {host}", conflict, StringComparison.Ordinal);
    }

    private PluginManager Load(string id, string directory, string settings = "{}")
    {
        _folder.WritePluginsJson($$"""{ "plugins": [ { "id": "{{id}}", "path": "{{directory.Replace("\\", "/", StringComparison.Ordinal)}}", "settings": {{settings}} } ] }""");
        var manager = new PluginManager(PluginsFileReader.Read(_folder.PluginsFile), "plugins.json", new PluginActivator(NoSecretStore.Instance, NullLoggerFactory.Instance, TimeProvider.System), NullLogger<PluginManager>.Instance, watch: false);
        Assert.Empty(manager.LoadAll());
        return manager;
    }

    private static Version? ReferencedSdk(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(reader.GetAssemblyReference).Where(r => reader.GetString(r.Name) == "MarketingOps.Sdk").Select(r => r.Version).SingleOrDefault();
    }
}
