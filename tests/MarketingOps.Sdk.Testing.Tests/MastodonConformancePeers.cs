using MarketingOps.Testing.Peers;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>A stateful fake Mastodon instance on loopback, with Prism in front validating every request and answer against the Mastodon OpenAPI document.</summary>
public sealed class MastodonConformancePeers : PrismFixture
{
    /// <summary>The account's access token: a canary the kit looks for in every log line, exception and result.</summary>
    public const string AccessToken = "mastodon-access-token-CANARY-51d0e7a2";

    public MastodonConformancePeers()
        : base(PeerPaths.Shared("specs", "mastodon.openapi.json"))
    {
        Fake.Handler = Api.Answer;
    }

    /// <summary>The instance's own status length: not Mastodon's default of 500, which the plugin's descriptor declares.</summary>
    public const int MaxCharacters = 1000;

    /// <summary>The fake instance behind Prism, answering with the OpenAPI document's own examples.</summary>
    public MastodonApiFake Api { get; } = new(Path.Combine(AppContext.BaseDirectory, "MastodonTestData"), AccessToken, MaxCharacters);
}
