using MarketingOps.Testing.Peers;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>A stateful fake X API v2 on loopback, with Prism in front validating every request and answer against X's OpenAPI document.</summary>
public sealed class XConformancePeers : PrismFixture
{
    /// <summary>The account's OAuth 2.0 user token: a canary the kit looks for in every log line, exception and result.</summary>
    public const string AccessToken = "x-access-token-CANARY-3f9a41d7";

    /// <summary>The account's refresh token: a canary too.</summary>
    public const string RefreshToken = "x-refresh-token-CANARY-8e02c6b5";

    public XConformancePeers()
        : base(PeerPaths.Shared("specs", "x-api-v2.openapi.json"))
    {
        Fake.Handler = Api.Answer;
    }

    /// <summary>The fake X behind Prism.</summary>
    public XApiFake Api { get; } = new(AccessToken);
}
