using MarketingOps.Core.Links;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>
/// The public short links (<c>/l/{code}</c>: a 302 to the tagged target once the click is stored, 404 for any other
/// code) and, in the API, the links with their counts.
/// </summary>
internal static class LinkEndpoints
{
    public static void MapRedirects(IEndpointRouteBuilder routes)
    {
        // Short-circuited: a public redirect needs no sign-in, authorization or antiforgery, so routing answers it at
        // once (the security headers and problem handling before routing still apply).
        routes.MapMethods("/l/{code}", [HttpMethods.Get, HttpMethods.Head], FollowAsync).AllowAnonymous().ShortCircuit().ExcludeFromDescription();

        // Anything else under /l is public too, and answered as such: with no endpoint of its own it fell to the
        // dashboard's sign-in (a 302 for `POST /l/CODE` or `GET /l/`).
        routes.MapMethods("/l/{code}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).AllowAnonymous().ShortCircuit().ExcludeFromDescription();
        routes.Map("/l/{**rest}", () => Results.NotFound()).AllowAnonymous().ShortCircuit().ExcludeFromDescription();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var links = api.MapGroup("/links").WithTags("links");
        links.MapGet("/", async (string? account, string? post, string? experiment, int? limit, LinksApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.ListAsync(account, post, experiment, limit, ct)))
            .RequireAuthorization(Policies.Viewer).WithName("ListLinks")
            .WithSummary("Rewritten links, newest first, with the clicks the host counted (people) and the bots counted apart; filters: account, post, experiment, limit (1–500).");
        links.MapGet("/{code}", async (string code, LinksApp app, CancellationToken ct) => TypedResults.Ok(await app.GetAsync(code, ct)))
            .RequireAuthorization(Policies.Viewer).WithName("GetLink").WithSummary("One short link by its code, with the requests counted apart by bot or fetcher.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>What a redirect says besides its target: never cached (each click is counted), never indexed.</summary>
    public static void AddRedirectHeaders(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    // The click is stored before the redirect is sent: a redirect sent is a click counted, even if the host dies next.
    // ShortLinkMiddleware answers known codes first in the pipeline; this endpoint answers what it passed on.
    private static async Task<IResult> FollowAsync(string code, HttpContext context, LinkRedirects redirects, CancellationToken ct)
    {
        if (context.Items.TryGetValue(ShortLinkMiddleware.StoreFailure, out var failure))
        {
            ((System.Runtime.ExceptionServices.ExceptionDispatchInfo)failure!).Throw();
        }

        var target = context.Items.ContainsKey(ShortLinkMiddleware.UnknownCode)
            ? null
            : await redirects.FollowAsync(code, context.Request.Method, context.Request.Headers.UserAgent.ToString(), ct);
        if (target is null)
        {
            return Results.NotFound();
        }

        AddRedirectHeaders(context.Response.Headers);
        return Results.Redirect(target.Location);
    }
}
