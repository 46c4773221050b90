namespace MarketingOps.Plugins.Mastodon;

/// <summary>Sends one request to an account's instance (with its stored token unless told otherwise) and reads the answer.</summary>
internal delegate Task<(MastodonResponse? Response, MarketingOps.Sdk.PlatformError? Error)> MastodonSender(
    MastodonAccount account,
    HttpMethod method,
    string path,
    Func<HttpContent>? content,
    CancellationToken cancellationToken,
    Action<HttpRequestMessage>? decorate,
    bool authenticate);
