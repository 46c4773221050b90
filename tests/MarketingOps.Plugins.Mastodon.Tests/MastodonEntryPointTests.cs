using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Mastodon.Tests;

public sealed class MastodonEntryPointTests
{
    [Fact]
    public void Register_AddsThePlatformWithThePluginsId()
    {
        var registrar = new TestRegistrar("mastodon", new Dictionary<string, string?>(), [("main", new Dictionary<string, string?> { ["instanceUrl"] = "https://mastodon.example" })], new Dictionary<string, string>());

        new MastodonEntryPoint().Register(registrar);

        Assert.Equal("mastodon", registrar.Platform.Descriptor.Id);
        (registrar.Platform as IDisposable)?.Dispose();
    }

    [Fact]
    public void ValidateSettings_NamesEveryBadSetting()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["requestTimeoutSeconds"] = "-1", ["retries"] = "x" }).Build();

        var problems = new MastodonEntryPoint().ValidateSettings(settings);

        Assert.Equal(["requestTimeoutSeconds", "retries"], problems.Select(p => p.Key));
    }
}
