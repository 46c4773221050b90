using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Reporting.Experiments;

namespace MarketingOps.Host.Application;

/// <summary>
/// Experiments for the API and dashboard through the same <see cref="ExperimentService"/> and file reader as
/// <c>mops experiment</c>: a YAML or JSON body gets the same file:line:column problems a file does.
/// </summary>
internal sealed class ExperimentsApp(ExperimentService experiments)
{
    public const string BodyName = "request";

    public async Task<CreatedExperiment> CreateAsync(string body, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var shown = json ? BodyName + ".json" : BodyName + ".yaml";
        var (definition, problems) = ExperimentFileReader.Read(body, shown, baseDirectory: null, experiments.ZoneOf);
        if (problems.Count > 0 || definition is null)
        {
            var errors = problems
                .GroupBy(p => p.Path.Length == 0 ? "$" : "$." + p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray(), StringComparer.Ordinal);
            throw new ApiProblemException(400, "The experiment definition has problems", string.Join(" ", problems.Select(p => p.ToString())), errors);
        }

        return await Map(() => experiments.CreateAsync(definition, cancellationToken));
    }

    public Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken) => experiments.ListAsync(cancellationToken);

    public Task<Experiment> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        Map(() => experiments.GetAsync(InputChecks.Id(idOrName, "id"), cancellationToken));

    public Task<Experiment> StopAsync(Actor actor, string idOrName, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var why = reason is null ? $"stopped by {actor.By}" : $"{InputChecks.Text(reason, "$.reason", 2000)} (stopped by {actor.By})";
        return Map(() => experiments.StopAsync(InputChecks.Id(idOrName, "id"), why, cancellationToken));
    }

    public Task<ExperimentReport> ReportAsync(string idOrName, CancellationToken cancellationToken) =>
        Map(() => experiments.ReportAsync(InputChecks.Id(idOrName, "id"), cancellationToken));

    public async Task<string> HtmlReportAsync(string idOrName, CancellationToken cancellationToken) =>
        HtmlReportWriter.Write(await ReportAsync(idOrName, cancellationToken));

    private static async Task<T> Map<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ExperimentRequestException ex)
        {
            var text = string.Join(" ", ex.Problems);
            throw ex.Problems.Count == 1 && (ex.Problems[0].StartsWith("No experiment", StringComparison.OrdinalIgnoreCase) || ex.Problems[0].Contains("not found", StringComparison.OrdinalIgnoreCase))
                ? ApiProblemException.NotFound(text)
                : ex.Problems.Any(p => p.Contains("already", StringComparison.OrdinalIgnoreCase) || p.Contains(" is ", StringComparison.Ordinal) && p.Contains("stopped", StringComparison.OrdinalIgnoreCase))
                    ? ApiProblemException.Conflict(text)
                    : new ApiProblemException(400, "The experiment request has problems", text, new Dictionary<string, string[]> { ["$"] = [.. ex.Problems] });
        }
    }
}
