using System.Diagnostics;
using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>
/// <c>mops experiment simulate FILE --rate V=R …</c>: rehearses the plan on the sandbox with accelerated time, N times
/// with the stated rates and N times with every rate the control's, and reports the power (how often the best variant
/// wins), the A/A false-positive rate against the rule's promise, and the median time to a decision. The client's own
/// store is not touched: the rehearsal has a client folder of its own, <c>data/simulate</c>.
/// </summary>
internal sealed class ExperimentSimulateCommand : AsyncCommand<ExperimentSimulateSettings>
{
    private static readonly DateTimeOffset Start = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    public override async Task<int> ExecuteAsync(CommandContext context, ExperimentSimulateSettings settings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var home = ClientFolder.Resolve(settings.Home);
        var homePlugins = PluginsFileReader.Read(home.PluginsFile);
        var zones = homePlugins.Plugins.SelectMany(p => p.Accounts).GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().TimeZone, StringComparer.OrdinalIgnoreCase);
        var definition = await ExperimentHost.RunAsync(() => Task.FromResult(ExperimentFileReader.Load(settings.File, zones.GetValueOrDefault)));
        var rates = ParseRates(settings, definition);
        if (SimulationFolder.Unsupported(definition.Metric) is { } unsupported)
        {
            throw new UserFacingException($"{settings.File}: {unsupported}");
        }

        if (definition.Decision.Bandit)
        {
            throw new UserFacingException($"{settings.File}: a bandit declares no winner, so there is no power to measure; simulate a test");
        }

        var folder = SimulationFolder.Prepare(home, homePlugins, definition, rates, settings.Followers, settings.Seed);
        var clock = new DemoClock(Start);
        var (host, triggers) = AcceleratedHost.Build(folder, clock, settings.Verbose);
        using var owned = host;
        var experiments = host.Services.GetRequiredService<ExperimentService>();
        var simulation = new DemoSimulation(clock, triggers, host.Services.GetRequiredService<PublishExecutor>(), host.Services.GetRequiredService<ExperimentMetricsCollector>(), experiments);
        var rehearsal = new ExperimentRehearsal(clock, simulation, experiments);
        var stated = new List<SimulationOutcome>();
        var equal = new List<SimulationOutcome>();
        await ExperimentHost.RunAsync(async () =>
        {
            for (var run = 1; run <= settings.Runs; run++)
            {
                stated.Add(await rehearsal.RunAsync(definition, run, equalRates: false, cancellationToken));
                equal.Add(await rehearsal.RunAsync(definition, run, equalRates: true, cancellationToken));
            }

            return 0;
        });

        var summary = ExperimentRehearsal.Summarise(definition, rates, stated, equal);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                experiment = definition.Name,
                rates,
                seed = settings.Seed,
                followers = settings.Followers,
                summary.Runs,
                method = summary.Method,
                summary.Best,
                summary.Power,
                summary.WrongWinner,
                summary.NoDecision,
                summary.MedianHoursToDecision,
                summary.FalsePositiveRate,
                summary.Nominal,
                summary.Underpowered,
                summary.FalsePositivesAboveNominal,
                summary.PostsPublished,
                summary.PostsCancelled,
                data = folder.Root,
            });
            return ExitCodes.Success;
        }

        Print(definition, rates, summary, settings, stopwatch.Elapsed, folder.Root);
        return ExitCodes.Success;
    }

    private static Dictionary<string, double> ParseRates(ExperimentSimulateSettings settings, ExperimentDefinition definition)
    {
        var problems = new List<string>();
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        var known = definition.Variants.Select(v => v.Name).ToList();
        foreach (var given in settings.Rates)
        {
            var parts = given.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1 || double.IsNaN(rate))
            {
                problems.Add($"--rate '{given}': write VARIANT=RATE with a rate per impression from 0 to 1, e.g. {known[0]}=0.01");
            }
            else if (!known.Contains(parts[0], StringComparer.Ordinal))
            {
                problems.Add($"--rate '{given}': {settings.File} has no variant '{parts[0]}'; its variants are {string.Join(", ", known)}");
            }
            else if (!rates.TryAdd(parts[0], rate))
            {
                problems.Add($"--rate '{given}': variant '{parts[0]}' has a rate already");
            }
        }

        var missing = known.Where(k => !rates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"--rate: give the true rate of every variant; missing {string.Join(", ", missing.Select(m => $"{m}=RATE"))}");
        }

        if (settings.Runs is < 1 or > 10_000)
        {
            problems.Add("--runs: from 1 to 10000 runs");
        }

        if (settings.Followers is < 1 or > 10_000_000)
        {
            problems.Add("--followers: from 1 to 10000000");
        }

        return problems.Count switch
        {
            0 => rates,
            1 => throw new UserFacingException(problems[0]),
            _ => throw new UserFacingException($"{problems.Count} problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}"),
        };
    }

    private static void Print(ExperimentDefinition definition, Dictionary<string, double> rates, SimulationSummary summary, ExperimentSimulateSettings settings, TimeSpan elapsed, string root)
    {
        var method = summary.Method.ToString().ToLowerInvariant();
        Console.Out.WriteLine($"{definition.Name}: {summary.Runs} rehearsals with true rates {SimulationFolder.Describe(rates)}, and {summary.Runs} with every rate {SimulationFolder.Describe(new Dictionary<string, double> { [definition.Control.Name] = rates[definition.Control.Name] })} (A/A); {method} rule, seed {settings.Seed}, {settings.Followers} followers per account");
        Console.Out.WriteLine(summary.HasBest
            ? string.Create(CultureInfo.InvariantCulture,
                $"  power: {summary.Power:0%} of runs picked {summary.Best} (the best by the stated rates); {summary.WrongWinner:0%} picked another variant; {summary.NoDecision:0%} ended without a winner")
            : string.Create(CultureInfo.InvariantCulture,
                $"  no variant is best by the stated rates, so every winner is a false positive: {summary.WrongWinner:0%} of runs declared one; {summary.NoDecision:0%} ended without a winner"));
        Console.Out.WriteLine(summary.MedianHoursToDecision is { } hours
            ? string.Create(CultureInfo.InvariantCulture, $"  median time to a decision: {Duration(hours)}")
            : "  median time to a decision: none of the runs decided");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  A/A false positives: {summary.FalsePositiveRate:0.0%} of runs declared a winner where there is none (the rule promises at most {summary.Nominal:0.0%})"));
        Console.Out.WriteLine($"  posts: {summary.PostsPublished} published, {summary.PostsCancelled} planned ones cancelled by a decision that came first");
        if (summary.Underpowered)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"underpowered: the plan finds the better variant in only {summary.Power:0%} of runs (aim for {SimulationSummary.TargetPower:0%}); give each variant more posts, more followers or a longer horizon, or test a bigger difference"));
        }
        else if (summary.HasBest)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the plan can answer the question: power {summary.Power:0%} ≥ {SimulationSummary.TargetPower:0%}"));
        }

        if (summary.FalsePositivesAboveNominal)
        {
            Console.Out.WriteLine($"warning: the A/A runs declared winners more often than the {method} rule promises; looking repeatedly inflates a frequentist or Bayesian rule's errors, which the sequential rule is built for");
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: {2 * summary.Runs} simulated experiments in {elapsed.TotalSeconds:0.0} s; the rehearsal's posts and experiments are in {root} (mops --home {root} experiment list)."));
    }

    private static string Duration(double hours) => hours < 48
        ? string.Create(CultureInfo.InvariantCulture, $"{hours:0} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} days");
}
