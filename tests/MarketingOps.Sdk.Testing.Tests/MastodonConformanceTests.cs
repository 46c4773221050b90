using System.Text.Json;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>
/// The first-party Mastodon plugin, loaded from artifacts/plugins, passes the kit against a stateful fake instance on
/// loopback that honours Idempotency-Key and allows 1000 characters (its own limit, read by ValidateAsync and PublishAsync),
/// behind Prism (the Mastodon OpenAPI document), with the kit's fault-injecting handler in between.
/// </summary>
public sealed class MastodonConformanceTests(MastodonConformancePeers peers) : PlatformConformanceTests, IClassFixture<MastodonConformancePeers>
{
    protected override PlatformUnderTest CreatePlatformUnderTest() => new(FirstPartyPlugins.Folder("MarketingOps.Plugins.Mastodon"))
    {
        SettingsJson = """{ "requestTimeoutSeconds": "30", "retries": "1" }""",
        AccountSettingsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["instanceUrl"] = peers.RequirePrism().ToString() }),
        Secrets = new Dictionary<string, string> { ["mastodon/conformance/access-token"] = MastodonConformancePeers.AccessToken },
    };
}
