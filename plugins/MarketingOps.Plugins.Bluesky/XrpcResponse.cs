using System.Net.Http.Headers;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>What an XRPC endpoint answered: status, headers and body text.</summary>
internal sealed record XrpcResponse(int Status, HttpResponseHeaders Headers, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Error => BlueskyErrors.Parse(Body).Error;
}
