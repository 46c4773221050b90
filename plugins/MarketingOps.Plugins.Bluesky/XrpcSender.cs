namespace MarketingOps.Plugins.Bluesky;

/// <summary>Sends one XRPC request on an account's PDS (with a bearer token, or none) and reads the answer.</summary>
internal delegate Task<(XrpcResponse? Response, MarketingOps.Sdk.PlatformError? Error)> XrpcSender(
    BlueskyAccount account, HttpMethod method, string nsid, Func<HttpContent>? content, string? bearer, CancellationToken cancellationToken);
