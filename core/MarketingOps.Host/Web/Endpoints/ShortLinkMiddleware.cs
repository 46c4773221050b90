using System.Runtime.ExceptionServices;
using MarketingOps.Core.Links;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>
/// Answers a known short link (<c>GET</c> or <c>HEAD /l/{code}</c>) first in the pipeline, before the problem and status
/// pages, routing, sign-in and antiforgery, none of which a public redirect needs: the click is committed, then the 302
/// is written with the security headers every response has. Anything else goes on: an unknown code to the routed
/// endpoint (<see cref="LinkEndpoints"/>), which answers 404; a click that could not be stored to the same endpoint,
/// which throws it to the problem middleware, so the answer is a 500 problem and never a redirect.
/// </summary>
internal sealed class ShortLinkMiddleware(RequestDelegate next, LinkRedirects redirects)
{
    /// <summary>Marks a request whose code this middleware looked up and found unknown, so it is not asked twice.</summary>
    public static readonly object UnknownCode = new();

    /// <summary>Carries the failure to store a click to the routed endpoint, which rethrows it.</summary>
    public static readonly object StoreFailure = new();

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments("/l", StringComparison.Ordinal, out var rest)
            && rest.Value is { Length: > 1 } tail
            && tail.IndexOf('/', 1) < 0
                ? FollowAsync(context, tail[1..])
                : next(context);
    }

    private async Task FollowAsync(HttpContext context, string code)
    {
        var request = context.Request;
        LinkTarget? target;
        try
        {
            target = await redirects.FollowAsync(code, request.Method, request.Headers.UserAgent.ToString(), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Items[StoreFailure] = ExceptionDispatchInfo.Capture(ex);
            await next(context);
            return;
        }

        if (target is null)
        {
            context.Items[UnknownCode] = true;
            await next(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status302Found;
        var headers = response.Headers;
        headers.Location = target.Location;
        headers.ContentSecurityPolicy = SecurityHeadersMiddleware.ApiPolicy;
        SecurityHeadersMiddleware.AddCommon(headers);
        LinkEndpoints.AddRedirectHeaders(headers);
    }
}
