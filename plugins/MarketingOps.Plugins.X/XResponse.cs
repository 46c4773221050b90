using System.Net;
using System.Net.Http.Headers;

namespace MarketingOps.Plugins.X;

/// <summary>What X answered: status, headers and body text.</summary>
internal sealed record XResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
