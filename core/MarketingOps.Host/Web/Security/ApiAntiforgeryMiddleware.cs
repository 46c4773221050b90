using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Web.Security;

/// <summary>
/// A browser session (cookie) changing anything through the API must send the antiforgery token it got at sign-in
/// in <c>X-CSRF-TOKEN</c>; token callers cannot be driven by another site, so they need none.
/// </summary>
internal sealed class ApiAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionCookieEvents.IsApi(context.Request)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: WebServices.CookieScheme })
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                throw new Application.ApiProblemException(400, "Antiforgery token missing or invalid",
                    $"A signed-in browser session must send the token from GET /api/v1/session in the {WebServices.AntiforgeryHeader} header with every change.",
                    new Dictionary<string, string[]> { [WebServices.AntiforgeryHeader] = ["missing or invalid."] });
            }
        }

        await next(context);
    }
}
