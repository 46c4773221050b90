using System.Text.Json;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>
/// The first-party X plugin, loaded from artifacts/plugins, passes the kit against a stateful fake X API v2 on loopback
/// behind Prism (X's OpenAPI document), with the kit's fault-injecting handler between the plugin and Prism.
/// </summary>
public sealed class XConformanceTests(XConformancePeers peers) : PlatformConformanceTests, IClassFixture<XConformancePeers>
{
    protected override PlatformUnderTest CreatePlatformUnderTest()
    {
        var api = peers.RequirePrism();
        return new(FirstPartyPlugins.Folder("MarketingOps.Plugins.X"))
        {
            SettingsJson = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["apiBaseUrl"] = api.ToString(),
                ["oauth2TokenUrl"] = new Uri(api, "2/oauth2/token").ToString(),
                ["requestTimeoutSeconds"] = "30",
                ["readRetries"] = "1",
            }),
            // OAuth 2.0: Prism checks bearer tokens but not X's OAuth 1.0a scheme (X.Tests check the signing).
            AccountSettingsJson = """{ "handle": "conformance", "auth": "oauth2" }""",
            // Named here although the kit would find it (the last write of a clean publish): X's one request that creates a post.
            PostCreatingRequest = "POST /2/tweets",
            Secrets = new Dictionary<string, string>
            {
                ["x/conformance/access-token"] = XConformancePeers.AccessToken,
                ["x/conformance/refresh-token"] = XConformancePeers.RefreshToken,
            },
        };
    }
}
