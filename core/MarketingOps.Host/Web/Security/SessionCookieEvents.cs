using MarketingOps.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Host.Web.Security;

/// <summary>
/// API callers get 401/403, never a redirect; pages may redirect to the sign-in page. A session ends when its user
/// is removed, demoted or their password is reset (the security stamp changes).
/// </summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsApi(context.Request) || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        // A page the role may not see: a page that says so (with status 403), not a bare status.
        context.Response.Redirect("/denied" + QueryString.Create("ReturnUrl", context.Request.PathBase + context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Principal?.FindFirst(MopsClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(MopsClaims.Stamp)?.Value;
        var role = context.Principal?.FindFirst(MopsClaims.Role)?.Value;
        var access = context.HttpContext.RequestServices.GetRequiredService<AccessService>();
        var user = id is null ? null : await access.FindUserAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.SecurityStamp != stamp || AccessService.Describe(user.Role) != role)
        {
            context.RejectPrincipal();
        }
    }

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase);
    }
}
