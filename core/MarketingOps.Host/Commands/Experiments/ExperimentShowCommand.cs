using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary><c>mops experiment show ID</c>: the definition, the state and every post with what became of it.</summary>
internal sealed class ExperimentShowCommand : AsyncCommand<ExperimentSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExperimentSettings settings, CancellationToken cancellationToken)
    {
        using var host = ExperimentHost.Build(settings);
        var service = host.Services.GetRequiredService<ExperimentService>();
        var times = TimeDisplay.Of(settings, host.Services);
        return await ExperimentHost.RunAsync(async () =>
        {
            var experiment = await service.GetAsync(settings.Id, cancellationToken);
            var posts = await service.GetPostsAsync(experiment.Id, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(new { experiment, posts });
                return ExitCodes.Success;
            }

            var d = experiment.Definition;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{experiment.Name}[/] ({experiment.Id}) is {experiment.State}; {experiment.Looks} looks; ends {times.Labelled(experiment.EndsAt, ExperimentTables.AccountOf(experiment))}");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"metric {d.Metric.Name} ({d.Metric.Numerator} / {d.Metric.Denominator}, per {d.Metric.EffectiveUnit.ToString().ToLowerInvariant()}); {d.Decision.Method.ToString().ToLowerInvariant()} decision at α = {d.Decision.Alpha}; {d.Allocation.PostsPerVariant} posts per variant");
            if (experiment.Note is not null)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"note: {experiment.Note}");
            }

            if (experiment.Decision is { } decision)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]winner[/] {decision.Winner}, decided {times.Labelled(decision.DecidedAt, ExperimentTables.AccountOf(experiment))} at look {decision.Look}{(decision.WinnerPostId is null ? "" : $"; winner scheduled as post {decision.WinnerPostId}")}{(decision.WinnerPostProblem is null ? "" : $"; winner not scheduled: {decision.WinnerPostProblem}")}");
            }

            AnsiConsole.Write(ExperimentTables.Posts(d, posts, times));
            return ExitCodes.Success;
        });
    }
}
