using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Application;
using MarketingOps.Host.Commands.Stats;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>What reads or computes without changing anything: guardrails check, plugins, the automation report, the calculators, the calendar.</summary>
internal static class ToolEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/guardrails/check", async Task<Ok<GuardrailVerdict>> (GuardrailCheckRequest request, GuardrailsApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.CheckAsync(request.Account, request.Text, request.Kind, request.Recipient, ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("guardrails").WithName("CheckGuardrails")
            .WithSummary("The guardrails' verdict on a text, rule by rule; nothing is scheduled.").ProducesValidationProblem();
        api.MapGet("/plugins", (ReportsApp app) => TypedResults.Ok(app.Plugins()))
            .RequireAuthorization(Policies.Viewer).WithTags("plugins").WithName("ListPlugins").WithSummary("Every plugin of plugins.json with its status and why.");
        api.MapGet("/reports/automation", async (DateOnly? since, ReportsApp app, CancellationToken ct) => TypedResults.Ok(await app.AutomationAsync(since, ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("reports").WithName("GetAutomationReport")
            .WithSummary("Hand-written vs approved vs unattended, and guardrail rejections, per account and ISO week (default: the last 28 days).");
        api.MapGet("/calendar", async (DateOnly from, DateOnly to, string? tz, string[]? account, CalendarApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.QueryAsync(from, to, tz ?? "UTC", account ?? [], ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("calendar").WithName("GetCalendar")
            .WithSummary("Posts due between two local dates (inclusive) in a time zone, day by day; repeat account= to narrow.").ProducesValidationProblem();

        var stats = api.MapGroup("/stats").WithTags("stats").RequireAuthorization(Policies.Viewer);
        stats.MapPost("/proportions", Ok<ProportionsOutput> (ProportionsBody body) => TypedResults.Ok(StatsApp.Proportions(body)))
            .WithName("CompareProportions").WithSummary("Every variant's rate against the control's (`mops stats proportions`).").ProducesValidationProblem();
        stats.MapPost("/srm", Ok<SrmOutput> (SrmBody body) => TypedResults.Ok(StatsApp.Srm(body)))
            .WithName("CheckSampleRatio").WithSummary("Sample ratio mismatch check (`mops stats srm`).").ProducesValidationProblem();
        stats.MapPost("/samplesize", Ok<SampleSizeResult> (SampleSizeBody body) => TypedResults.Ok(StatsApp.SampleSize(body)))
            .WithName("SampleSize").WithSummary("Impressions per arm to detect an effect (`mops stats samplesize`).").ProducesValidationProblem();
    }
}
