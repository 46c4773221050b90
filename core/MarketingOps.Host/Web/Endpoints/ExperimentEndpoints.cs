using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Experiments: create from a YAML or JSON body, list, show, stop, and the report as JSON or HTML.</summary>
internal static class ExperimentEndpoints
{
    /// <summary>The HTML report's own policy: inline styles and embedded chart images, nothing else.</summary>
    private const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void Map(RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("experiments");
        experiments.MapPost("/", CreateAsync).RequireAuthorization(Policies.Editor).WithName("CreateExperiment")
            .WithSummary("Creates an experiment from the same YAML or JSON as `mops experiment create FILE` (Content-Type application/yaml or application/json); problems name line and column.")
            .Accepts<string>("application/yaml", "application/json", "text/yaml")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        experiments.MapGet("/", async (ExperimentsApp app, CancellationToken ct) => TypedResults.Ok(await app.ListAsync(ct)))
            .RequireAuthorization(Policies.Viewer).WithName("ListExperiments").WithSummary("Every experiment.");
        experiments.MapGet("/{id}", async (string id, ExperimentsApp app, CancellationToken ct) => TypedResults.Ok(await app.GetAsync(id, ct)))
            .RequireAuthorization(Policies.Viewer).WithName("GetExperiment").WithSummary("One experiment, by id, name or a unique id prefix.").ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapPost("/{id}/stop", async (string id, StopRequest request, HttpContext context, ExperimentsApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.StopAsync(Caller.Of(context), id, request.Reason, ct)))
            .RequireAuthorization(Policies.Editor).WithName("StopExperiment").WithSummary("Stops a running experiment.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        experiments.MapGet("/{id}/report", async (string id, ExperimentsApp app, CancellationToken ct) => TypedResults.Ok(await app.ReportAsync(id, ct)))
            .RequireAuthorization(Policies.Viewer).WithName("GetExperimentReport").WithSummary("The report as JSON, as `mops experiment report --json` prints it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapGet("/{id}/report.html", async (string id, HttpContext context, ExperimentsApp app, CancellationToken ct) =>
            {
                var html = await app.HtmlReportAsync(id, ct);
                context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
                return TypedResults.Content(html, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Viewer).WithName("GetExperimentReportHtml").WithSummary("The report as the self-contained HTML page `mops experiment report --html` writes.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<CreatedExperiment>> CreateAsync(HttpRequest request, ExperimentsApp app, CancellationToken ct)
    {
        var type = request.ContentType ?? string.Empty;
        var json = type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        if (!json && !type.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the experiment as application/yaml or application/json.");
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var body = await reader.ReadToEndAsync(ct);
        var created = await app.CreateAsync(body, json, ct);
        return TypedResults.Created($"/api/v1/experiments/{created.Experiment.Id}", created);
    }
}
