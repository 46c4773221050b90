using System.Diagnostics;
using System.Globalization;
using MarketingOps.Core.Analytics;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Experiments;
using MarketingOps.Host.Commands.Scripts;
using MarketingOps.Host.Hosting;
using MarketingOps.Reporting.Experiments;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

/// <summary>
/// <c>mops demo</c>: the whole story on the sandbox network with accelerated time, in a client folder of its own
/// (<c>data/demo</c>). A script starts an A/B test of two wordings whose true click rates are known; the posts go
/// through the post store and the publishing pipeline; the metrics job collects after every simulated hour and the
/// decision rule picks the winner; then the script reads the result, and the report is printed and written as HTML.
/// </summary>
internal sealed class DemoCommand : HostedCommand<DemoSettings>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How long the demo keeps measuring after the winner's post went out.</summary>
    private static readonly TimeSpan AfterWinner = TimeSpan.FromHours(6);

    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var (exit, folder, experimentId) = await RunDemoAsync(settings, cancellationToken);
        if (exit != ExitCodes.Success || !settings.Serve)
        {
            return exit;
        }

        // The demo's accelerated host is gone (it held the store); the served one is the host of `mops run`.
        return await DemoServe.RunAsync(folder, experimentId, Start, settings, cancellationToken);
    }

    private static async Task<(int Exit, ClientFolder Folder, string ExperimentId)> RunDemoAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var home = ClientFolder.Resolve(settings.Home);
        var folder = DemoFolder.Prepare(home);
        var script = DemoFolder.FindScript(home, folder);
        var clock = new DemoClock(Start);
        var (host, triggers) = AcceleratedHost.Build(folder, clock, settings.Verbose);
        using var owned = host;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]MarketingOps demo[/]: an A/B test of two wordings on the sandbox network, in [blue]{folder.Root}[/]");
        Console.Out.WriteLine($"true click rates: {DemoFolder.Describe()} (the sandbox's settings, so the right answer is known)");
        AnsiConsole.WriteLine();

        var relativeScript = DisplayPath.Of(script, home.Root);
        if (!await RunScriptAsync(host, script, relativeScript, cancellationToken))
        {
            return (ExitCodes.Failure, folder, string.Empty);
        }

        var experiments = host.Services.GetRequiredService<ExperimentService>();
        var started = await experiments.ListAsync(cancellationToken);
        var experiment = started.Count > 0 ? started[0] : throw new UserFacingException($"{relativeScript} started no experiment");
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Simulating time an hour at a time: posts publish through the publishing pipeline, the metrics job collects after every hour and the {experiment.Definition.Decision.Method.ToString().ToLowerInvariant()} decision rule looks at the data.");
        var simulation = new DemoSimulation(
            clock,
            triggers,
            host.Services.GetRequiredService<PublishExecutor>(),
            host.Services.GetRequiredService<ExperimentMetricsCollector>(),
            experiments);
        experiment = await simulation.RunAsync(experiment.Id, post => Published(clock, post), done => Finished(clock, done), cancellationToken);

        // The metrics job measures every published post, not only the experiment's: the winner's post, published after
        // the decision, gathers its first hours of counters here and shows in `mops report posts`.
        await simulation.AdvanceAsync(AfterWinner, cancellationToken: cancellationToken);
        var posts = await host.Services.GetRequiredService<PostsReportService>().BuildAsync(Start, account: null, cancellationToken);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {When(clock)}  measured {posts.Posts.Count(p => p.Impressions > 0)} of {posts.Posts.Count} published posts, {posts.Posts.Sum(p => p.Impressions)} impressions in all (mops report posts --home {folder.Root} --since {Start:yyyy-MM-dd})"));

        AnsiConsole.WriteLine();
        if (!await RunScriptAsync(host, script, relativeScript, cancellationToken))
        {
            return (ExitCodes.Failure, folder, experiment.Id);
        }

        AnsiConsole.WriteLine();
        var report = await experiments.ReportAsync(experiment, cancellationToken);
        ExperimentReportCommand.Print(report);
        var html = Path.Combine(folder.Root, "report.html");
        await File.WriteAllTextAsync(html, HtmlReportWriter.Write(report), cancellationToken);
        Console.Out.WriteLine($"HTML report written to {html}");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {(clock.GetUtcNow() - Start).TotalDays:0.#} simulated days ({simulation.Collections} metrics collections) in {stopwatch.Elapsed.TotalSeconds:0.0} s. Everything the demo wrote is in {folder.Root}."));
        return (ExitCodes.Success, folder, experiment.Id);
    }

    /// <summary>Runs the script against the demo's host as <c>mops script run</c> would, printing its output and value.</summary>
    private static async Task<bool> RunScriptAsync(IHost host, string script, string shown, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]$ mops script run {shown} -- {DemoFolder.Account}[/]");
        var services = HostScriptServices.Create(host.Services, script, Console.Out);
        services = services with { Log = new ScriptConsoleLogger(services.Log) };
        var result = await host.Services.GetRequiredService<ScriptRunner>().RunAsync(
            script,
            new ScriptRunRequest(services) { Args = [DemoFolder.Account] },
            cancellationToken);
        DiagnosticPrinter.Print(result.Diagnostics);
        if (result.ReturnValue is { } value)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]→ {value}[/]");
        }

        return result.Succeeded;
    }

    // Event lines are plain text, one line each whatever the console width, so they can be read and grepped.
    private static void Published(DemoClock clock, Post post) =>
        Console.Out.WriteLine(post.State == PostState.Published
            ? $"  {When(clock)}  published {post.Variant} {post.PlatformUrl?.ToString() ?? post.PlatformPostId}"
            : $"  {When(clock)}  {post.State} {post.Variant}: {post.LastError}");

    private static void Finished(DemoClock clock, Experiment experiment)
    {
        if (experiment.Decision is not { } decision)
        {
            Console.Out.WriteLine($"  {When(clock)}  {experiment.State}: {experiment.Note}");
            return;
        }

        var evidence = decision.ChanceToBeatControl is { } chance
            ? string.Create(CultureInfo.InvariantCulture, $"chance to beat the control {chance:0.0%}")
            : string.Create(CultureInfo.InvariantCulture, $"p = {decision.PValue:G3}");
        var lift = $"{ExperimentAnalyser.Lift(decision.Estimate, decision.Kind)} ({ExperimentAnalyser.Lift(decision.Low, decision.Kind)} to {ExperimentAnalyser.Lift(decision.High, decision.Kind)})";
        Console.Out.WriteLine($"  {When(clock)}  decided at look {decision.Look}: {decision.Winner} wins; lift of {decision.ComparedWith} {lift}, {evidence}");
        Console.Out.WriteLine(decision.WinnerPostProblem is { } problem
            ? $"  {When(clock)}  the winner was not scheduled: {problem}"
            : $"  {When(clock)}  the winning wording is scheduled once more, as the evergreen post");
    }

    private static string When(DemoClock clock) => clock.GetUtcNow().ToString("ddd yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
