using System.IO.Compression;
using MarketingOps.Core.Plugins;

namespace MarketingOps.Core.Tests.Plugins;

public sealed class InstalledPluginsTests : IDisposable
{
    private readonly PluginFolder _client = new();
    private readonly PluginFolder _scratch = new();

    public void Dispose()
    {
        _client.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public void A_package_installs_into_its_versioned_folder_loads_by_relative_path_and_a_newer_one_replaces_it_after_the_switch()
    {
        File.WriteAllText(_client.PluginsFile, "{\n  \"plugins\": [\n    { \"id\": \"sandbox\" }\n  ]\n}\n");
        var installed = new InstalledPlugins(_client.Root);

        var first = installed.Install(Package("1.0.0"));
        Assert.Equal("plugins/chirp/1.0.0", first.RelativePath);
        Assert.True(File.Exists(Path.Combine(_client.Root, "plugins", "chirp", "1.0.0", "TestPlugin.chirp.dll")));
        Assert.Null(first.Previous);

        var second = installed.Install(Package("1.1.0"));
        Assert.Equal(first.Directory, second.Previous);
        Assert.True(Directory.Exists(first.Directory), "the older version stays until the host has switched");
        var file = PluginsFileReader.Read(_client.PluginsFile);
        Assert.Equal(second.Directory, file.Plugins.Single(p => p.Id == "chirp").Directory);
        Assert.Contains("{ \"id\": \"sandbox\" }", File.ReadAllText(_client.PluginsFile), StringComparison.Ordinal);

        var pruned = installed.PruneOlderVersions([second.Directory]);
        Assert.Equal([first.Directory], pruned);
        Assert.False(Directory.Exists(first.Directory));

        Assert.True(installed.Remove("chirp"));
        Assert.False(Directory.Exists(Path.Combine(_client.Root, "plugins", "chirp")));
        Assert.Equal("sandbox", Assert.Single(PluginsFileReader.Read(_client.PluginsFile).Plugins).Id);
    }

    [Fact]
    public void A_folder_installs_too_and_the_same_version_twice_is_refused()
    {
        var folder = Built("chirp", "2.0.0");
        var installed = new InstalledPlugins(_client.Root);

        installed.Install(folder);
        var again = Assert.Throws<PluginInstallException>(() => installed.Install(folder));

        Assert.Contains("chirp 2.0.0 is already installed", again.Message, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"plugins/chirp/2.0.0\"", File.ReadAllText(_client.PluginsFile), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sdk", "built for SDK [2.0,3.0)")]
    [InlineData("entry", "its entry assembly Missing.dll is not in the package")]
    [InlineData("manifest", "missing id")]
    [InlineData("version", "expected a plain id and a semantic version")]
    public void A_plugin_that_cannot_work_is_refused_with_the_reason_and_nothing_changes(string defect, string expected)
    {
        var folder = Built("chirp", defect == "version" ? "latest" : "1.0.0", sdkRange: defect == "sdk" ? "[2.0,3.0)" : "[1.0,2.0)");
        if (defect == "entry")
        {
            TestPluginBuilder.WriteManifest(folder, "chirp", "[1.0,2.0)", "platform", "1.0.0", "Missing.dll");
        }
        else if (defect == "manifest")
        {
            File.WriteAllText(Path.Combine(folder, "plugin.json"), """{ "version": "1.0.0", "sdkRange": "[1.0,2.0)", "entryAssembly": "x.dll" }""");
        }

        var refused = Assert.Throws<PluginInstallException>(() => new InstalledPlugins(_client.Root).Install(folder));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_client.PluginsFile));
        Assert.False(Directory.Exists(Path.Combine(_client.Root, "plugins")));
    }

    private string Built(string id, string version, string sdkRange = "[1.0,2.0)")
    {
        var folder = Path.Combine(_scratch.Root, $"{id}-{version}");
        TestPluginBuilder.Build(folder, id, TestPluginBuilder.PlatformSource(id, "Chirp " + version), sdkRange: sdkRange, version: version);
        return folder;
    }

    private string Package(string version)
    {
        var folder = Built("chirp", version);
        var package = Path.Combine(_scratch.Root, $"Acme.Chirp.{version}.nupkg");
        using var zip = ZipFile.Open(package, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            zip.CreateEntryFromFile(file, "plugin/" + Path.GetFileName(file));
        }

        zip.CreateEntry("Acme.Chirp.nuspec");
        return package;
    }
}
