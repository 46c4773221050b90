using System.Net.Http.Headers;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>What the instance answered: status, headers and body text.</summary>
internal sealed record MastodonResponse(int Status, HttpResponseHeaders Headers, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
