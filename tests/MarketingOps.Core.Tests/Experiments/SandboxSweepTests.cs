using System.Globalization;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>
/// Acceptance 3: whole experiments against the real sandbox plugin (loaded from artifacts/plugins by the host's
/// loader), with fake time: the planner's posts are published at their slots, the metrics job collects every
/// four hours and the decision rule watches each look, exactly as in production but without Quartz.
/// </summary>
public sealed class SandboxSweepTests : IDisposable
{
    private const int Seeds = 100;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new(inMemoryIfPossible: true);

    [Fact]
    public async Task Sequential_rule_picks_the_truly_better_variant_in_at_least_95_of_100_seeds()
    {
        var winners = await SweepAsync(variantClickRate: 0.02, AnalysisMethod.Sequential);

        var right = winners.Count(w => w == "B");
        TestContext.Current.TestOutputHelper?.WriteLine($"large difference, sequential: {Describe(winners)}");
        Assert.True(right >= 95, $"B (click rate 2 % against 1 %) won in {right} of {Seeds} seeds; outcomes: {Describe(winners)}");
        Assert.DoesNotContain("A", winners);
    }

    [Fact]
    public async Task Sequential_rule_in_an_AA_setup_declares_a_winner_no_more_often_than_its_alpha()
    {
        // Twice the seeds: the rate is estimated more tightly, so the strict "≤ α" holds unless the engine is wrong.
        var winners = await SweepAsync(variantClickRate: 0.01, AnalysisMethod.Sequential, 2 * Seeds);

        var declared = winners.Count(w => w is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"A/A, sequential: {Describe(winners)}");
        Assert.True(declared <= winners.Count * 0.05, $"a winner was declared in {declared} of {winners.Count} A/A seeds; α = 0.05 allows {winners.Count * 0.05}; outcomes: {Describe(winners)}");
    }

    [Fact]
    public async Task Frequentist_rule_in_an_AA_setup_declares_a_winner_no_more_often_than_its_alpha_allows()
    {
        var winners = await SweepAsync(variantClickRate: 0.01, AnalysisMethod.Frequentist);

        // One look at α = 0.05 declares in 5 % of seeds on average; 100 seeds may show up to 10 by chance (binomial, p ≈ 0.03).
        var declared = winners.Count(w => w is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"A/A, frequentist: {Describe(winners)}");
        Assert.True(declared <= 10, $"a winner was declared in {declared} of {Seeds} A/A seeds at α = 0.05; outcomes: {Describe(winners)}");
    }

    private async Task<List<string?>> SweepAsync(double variantClickRate, AnalysisMethod method, int seeds = Seeds)
    {
        SandboxNetwork.Require();
        var ct = TestContext.Current.CancellationToken;
        var winners = new List<string?>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var clock = new FakeTimeProvider(Start);
            var settings = string.Create(CultureInfo.InvariantCulture,
                $$"""{ "seed": {{seed}}, "duplicateWindowHours": 0, "defaultRates": { "clickRate": 0.01 }, "rates": [ { "contains": "variant B", "clickRate": {{variantClickRate}} } ] }""");
            using var network = new SandboxNetwork(clock, settings, followers: 20_000);
            var rig = new ExperimentRig(_temp.File($"{method}-{variantClickRate}-{seed}.db"), network.Registry, network, clock);
            var definition = new ExperimentDefinition(
                $"sweep-{seed}",
                [Wordings.Variant("A", "Spring sale, free shipping today (variant A) https://shop.example/a", rounds: 4), Wordings.Variant("B", "Spring sale, free shipping today (variant B) https://shop.example/b", rounds: 4, skip: 12)],
                [SandboxNetwork.Account],
                MetricDefinition.LinkClickRate)
            {
                Allocation = new AllocationPlan { PostsPerVariant = 4, Every = TimeSpan.FromHours(6), Start = Start.AddHours(1), Seed = seed },
                Horizon = TimeSpan.FromHours(12),
                Decision = new DecisionRule { Method = method },
            };
            var created = await rig.Service.CreateAsync(definition, ct);
            var experiment = created.Experiment;
            while (!experiment.IsFinished)
            {
                await network.AdvanceAsync(TimeSpan.FromHours(4), ct);
                await rig.Collector.CollectAsync(ct);
                experiment = await rig.Service.GetAsync(experiment.Id, ct);
                Assert.True(clock.GetUtcNow() <= experiment.EndsAt.AddHours(8), "the experiment did not finish at its horizon");
            }

            winners.Add(experiment.Decision?.Winner);
        }

        return winners;
    }

    private static string Describe(List<string?> winners) =>
        string.Join(", ", winners.GroupBy(w => w ?? "none").Select(g => $"{g.Key}: {g.Count()}"));

    public void Dispose() => _temp.Dispose();
}
