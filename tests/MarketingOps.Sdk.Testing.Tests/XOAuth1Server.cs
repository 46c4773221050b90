using MarketingOps.Testing.Peers;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>The stateful fake X API v2 on loopback without Prism, which cannot check X's OAuth 1.0a scheme.</summary>
public sealed class XOAuth1Server : IDisposable
{
    public XOAuth1Server()
    {
        Fake.Handler = Api.Answer;
    }

    /// <summary>The loopback server.</summary>
    public RecordingHttpServer Fake { get; } = new();

    /// <summary>The fake X behind it.</summary>
    public XApiFake Api { get; } = new(XConformancePeers.AccessToken);

    public void Dispose() => Fake.Dispose();
}
