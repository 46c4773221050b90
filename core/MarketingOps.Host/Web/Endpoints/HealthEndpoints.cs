using MarketingOps.Host.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (store, scheduler and plugins), open to load balancers.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "live" }))
            .AllowAnonymous().WithTags("health").WithName("Live").WithSummary("The process is up and answering.");
        routes.MapGet("/readyz", async Task<Results<Ok<ReadinessView>, JsonHttpResult<ReadinessView>>> (HealthApp health, CancellationToken ct) =>
            {
                var view = await health.ReadinessAsync(ct);
                return view.Ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous().WithTags("health").WithName("Ready").WithSummary("Store reachable, scheduler running, plugins loaded; 503 otherwise.")
            .Produces<ReadinessView>(StatusCodes.Status503ServiceUnavailable);
    }
}
