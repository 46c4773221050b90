using System.Text.Json;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>
/// The first-party Bluesky plugin, loaded from artifacts/plugins, passes the kit against the real PDS (records, record
/// keys, sessions), with the kit's fault-injecting handler in between; metrics come from a fake app view that reads the PDS.
/// </summary>
public sealed class BlueskyConformanceTests(BlueskyConformancePeers peers) : PlatformConformanceTests, IClassFixture<BlueskyConformancePeers>
{
    protected override PlatformUnderTest CreatePlatformUnderTest()
    {
        var (pds, account) = peers.Require();
        return new(FirstPartyPlugins.Folder("MarketingOps.Plugins.Bluesky"))
        {
            SettingsJson = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["serviceUrl"] = pds.ToString(),
                ["appViewUrl"] = peers.AppView.BaseUrl.ToString(),
                ["requestTimeoutSeconds"] = "30",
                ["retries"] = "1",
            }),
            AccountSettingsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["handle"] = account.Handle }),
            Secrets = new Dictionary<string, string> { ["bluesky/conformance/app-password"] = account.Password },
        };
    }
}
