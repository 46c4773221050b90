using MarketingOps.Host.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Dashboard;

/// <summary>The dashboard's endpoints: the pages (each names its policy), its assets, and signing out.</summary>
internal static class DashboardPipeline
{
    public static WebApplication MapMopsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DashboardAssets.Map(app);
        InboxContextEndpoint.Map(app);
        MediaEndpoint.Map(app);
        app.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery) =>
            {
                await antiforgery.ValidateRequestAsync(context);
                await context.SignOutAsync(WebServices.CookieScheme);
                return Results.Redirect("/login");
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }
}
