using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Bluesky.Tests;

public sealed class BlueskyEntryPointTests
{
    [Fact]
    public void Register_AddsThePlatformWithThePluginsId()
    {
        var registrar = new TestRegistrar("bluesky", new Dictionary<string, string?>(), [("main", new Dictionary<string, string?> { ["handle"] = "brand.test" })], new Dictionary<string, string>());

        new BlueskyEntryPoint().Register(registrar);

        Assert.Equal("bluesky", registrar.Platform.Descriptor.Id);
        (registrar.Platform as IDisposable)?.Dispose();
    }

    [Fact]
    public void ValidateSettings_NamesEveryBadSetting()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["serviceUrl"] = "ftp://pds", ["appViewUrl"] = "nope" }).Build();

        var problems = new BlueskyEntryPoint().ValidateSettings(settings);

        Assert.Equal(["serviceUrl", "appViewUrl"], problems.Select(p => p.Key));
    }
}
