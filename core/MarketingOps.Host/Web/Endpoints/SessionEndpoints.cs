using System.Globalization;
using MarketingOps.Core.Access;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Browser sessions: sign in with name and password (a cookie), see who you are, sign out.</summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("session");
        session.MapPost("/", SignInAsync).AllowAnonymous().WithName("SignIn")
            .WithSummary("Signs in with name and password and sets the session cookie; repeated failures lock the user out.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        session.MapGet("/", (HttpContext context, IAntiforgery antiforgery) => TypedResults.Ok(View(context, antiforgery)))
            .RequireAuthorization(Policies.Viewer).WithName("GetSession").WithSummary("The caller, and for a browser session the antiforgery token.");
        session.MapDelete("/", async (HttpContext context) =>
            {
                await context.SignOutAsync(WebServices.CookieScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Viewer).WithName("SignOut").WithSummary("Ends the browser session.");
    }

    private static async Task<Ok<SessionView>> SignInAsync(LoginRequest request, HttpContext context, AccessService access, IAntiforgery antiforgery, TimeProvider time, CancellationToken ct)
    {
        var result = await access.SignInAsync(InputChecks.Text(request.Name, "$.name", 128), InputChecks.Text(request.Password, "$.password", 1024), ct);
        switch (result.Outcome)
        {
            case SignInOutcome.LockedOut:
                var wait = Math.Max(1, (int)Math.Ceiling(((result.LockedUntil ?? time.GetUtcNow()) - time.GetUtcNow()).TotalSeconds));
                throw new ApiProblemException(StatusCodes.Status429TooManyRequests, "Locked out", $"Too many failed sign-ins; try again in {wait} seconds or ask an owner to reset the password.")
                {
                    Headers = { ["Retry-After"] = wait.ToString(CultureInfo.InvariantCulture) },
                };
            case SignInOutcome.Failed:
                throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Sign-in failed", "Unknown name or wrong password.");
        }

        var principal = MopsClaims.ForUser(result.User!, WebServices.CookieScheme);
        await context.SignInAsync(WebServices.CookieScheme, principal);

        // The antiforgery token is bound to the user, so it is made for the session just started.
        context.User = principal;
        return TypedResults.Ok(View(context, antiforgery));
    }

    private static SessionView View(HttpContext context, IAntiforgery antiforgery)
    {
        var actor = Caller.Of(context);
        var cookie = context.User.Identity?.AuthenticationType == WebServices.CookieScheme;
        return new SessionView(actor.Name, AccessService.Describe(actor.Role), cookie ? antiforgery.GetAndStoreTokens(context).RequestToken : null);
    }
}
