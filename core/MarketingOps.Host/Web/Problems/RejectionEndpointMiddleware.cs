using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Web.Problems;

/// <summary>
/// Routing answers a known path called with another method (405) or body type (415) through endpoints of its own that
/// carry no policy, so the owner-only fallback policy turned them into a bare 403 for every other role: <c>curl -d</c>
/// without <c>Content-Type: application/json</c> sends a form and was told it was forbidden. Any signed-in caller now
/// hears what was wrong; an anonymous one still gets 401.
/// </summary>
internal sealed class RejectionEndpointMiddleware(RequestDelegate next)
{
    // The display names of the endpoints ASP.NET Core's HttpMethodMatcherPolicy and AcceptsMatcherPolicy choose.
    private const string MethodNotAllowed = "405 HTTP Method Not Supported";
    private const string UnsupportedMediaType = "415 HTTP Unsupported Media Type";

    private static readonly EndpointMetadataCollection SignedIn = new(new AuthorizeAttribute(Policies.Viewer));

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is { Metadata.Count: 0, DisplayName: MethodNotAllowed or UnsupportedMediaType } rejection)
        {
            var answer = rejection.DisplayName == UnsupportedMediaType ? Unsupported : rejection.RequestDelegate;
            context.SetEndpoint(new Endpoint(answer, SignedIn, rejection.DisplayName));
        }

        return next(context);
    }

    private static Task Unsupported(HttpContext context) =>
        throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"This operation takes a JSON body: send it with 'Content-Type: application/json' (curl -d sends a form unless told), not '{context.Request.ContentType}'.");
}
