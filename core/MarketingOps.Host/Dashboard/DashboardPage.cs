using MarketingOps.Core.Access;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Dashboard;

/// <summary>What every page needs: the request, the signed-in person as an <see cref="Actor"/> of the dashboard, and their role.</summary>
public abstract class DashboardPage : ComponentBase
{
    /// <summary>The current request; static server rendering always has one.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    internal HttpContext Http => HttpContext ?? throw new InvalidOperationException("The dashboard renders on the server only.");

    internal Actor Actor => MopsClaims.ActorOf(Http.User, "dashboard");

    internal bool Can(UserRole role) => Http.User.Identity?.IsAuthenticated == true && Actor.Has(role);

    /// <summary>The request is a POST of a form (the page handles it before rendering).</summary>
    internal bool IsPost => HttpMethods.IsPost(Http.Request.Method);
}
