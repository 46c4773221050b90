using System.Text.Json;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>
/// The first-party X plugin with an OAuth 1.0a account (four secrets, each a canary: a signed header carries the
/// consumer key and access token), against the stateful fake X directly; Prism cannot check that scheme.
/// </summary>
public sealed class XOAuth1ConformanceTests(XOAuth1Server server) : PlatformConformanceTests, IClassFixture<XOAuth1Server>
{
    protected override PlatformUnderTest CreatePlatformUnderTest() => new(FirstPartyPlugins.Folder("MarketingOps.Plugins.X"))
    {
        SettingsJson = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["apiBaseUrl"] = server.Fake.BaseUrl.ToString(),
            ["requestTimeoutSeconds"] = "30",
            ["readRetries"] = "1",
        }),
        AccountSettingsJson = """{ "handle": "conformance", "auth": "oauth1" }""",
        Secrets = new Dictionary<string, string>
        {
            ["x/conformance/consumer-key"] = "x-consumer-key-CANARY-0b7d21e4",
            ["x/conformance/consumer-secret"] = "x-consumer-secret-CANARY-c4a9f310",
            ["x/conformance/access-token"] = XConformancePeers.AccessToken,
            ["x/conformance/access-token-secret"] = "x-token-secret-CANARY-77e5b2d8",
        },
    };
}
