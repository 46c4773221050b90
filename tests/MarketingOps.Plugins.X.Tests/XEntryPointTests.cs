using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.X.Tests;

public sealed class XEntryPointTests
{
    [Fact]
    public void Register_AddsThePlatformWithThePluginsId()
    {
        var registrar = new TestRegistrar("x", new Dictionary<string, string?>(), [("main", new Dictionary<string, string?> { ["handle"] = "acme" })], new Dictionary<string, string>());

        new XEntryPoint().Register(registrar);

        Assert.Equal("x", registrar.Platform.Descriptor.Id);
        (registrar.Platform as IDisposable)?.Dispose();
    }

    [Fact]
    public void ValidateSettings_NamesEveryBadSetting()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["apiBaseUrl"] = "not a url", ["readRetries"] = "9" }).Build();

        var problems = new XEntryPoint().ValidateSettings(settings);

        Assert.Equal(["apiBaseUrl", "readRetries"], problems.Select(p => p.Key));
    }
}
