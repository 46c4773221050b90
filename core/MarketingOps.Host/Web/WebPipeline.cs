using MarketingOps.Host.Dashboard;
using MarketingOps.Host.Web.Endpoints;
using MarketingOps.Host.Web.Problems;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scalar.AspNetCore;

namespace MarketingOps.Host.Web;

/// <summary>The middleware order and every endpoint; each endpoint names its policy or says it is anonymous.</summary>
internal static class WebPipeline
{
    public const string ApiPrefix = "/api/v1";

    public static WebApplication UseMopsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Short links first: a public redirect that must stay as cheap as a bare one (issue 16); it sets its own headers.
        app.UseMiddleware<ShortLinkMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RejectionEndpointMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ApiAntiforgeryMiddleware>();
        app.UseAntiforgery();

        HealthEndpoints.Map(app);
        LinkEndpoints.MapRedirects(app);
        var api = app.MapGroup(ApiPrefix);
        SessionEndpoints.Map(api);
        AccountEndpoints.Map(api);
        PostEndpoints.Map(api);
        InboxEndpoints.Map(api);
        AccessEndpoints.Map(api);
        ExperimentEndpoints.Map(api);
        ToolEndpoints.Map(api);
        EventEndpoints.Map(api);
        LinkEndpoints.Map(api);
        app.MapMcp("/mcp").RequireAuthorization(WebServices.McpPolicy).ExcludeFromDescription();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapMopsDashboard();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("MarketingOps API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }
}
