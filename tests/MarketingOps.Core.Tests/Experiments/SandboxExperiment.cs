using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>Runs one experiment on the sandbox to its end with fake time; for tests that need a realistic finished experiment.</summary>
internal static class SandboxExperiment
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    public static async Task<(ExperimentRig Rig, Experiment Experiment)> RunAsync(
        TempDirectory temp, SandboxNetwork network, ExperimentDefinition definition, TimeSpan lookEvery, CancellationToken cancellationToken)
    {
        var rig = new ExperimentRig(temp.File(definition.Name + ".db"), network.Registry, network, network.Clock);
        var experiment = (await rig.Service.CreateAsync(definition, cancellationToken)).Experiment;
        while (!experiment.IsFinished && network.Clock.GetUtcNow() <= experiment.EndsAt)
        {
            await network.AdvanceAsync(lookEvery, cancellationToken);
            await rig.Collector.CollectAsync(cancellationToken);
            experiment = await rig.Service.GetAsync(experiment.Id, cancellationToken);
        }

        return (rig, experiment);
    }

    public static ExperimentDefinition ThreeVariants(string name = "three") =>
        new(name,
            [
                Wordings.Variant("control", "Spring sale: free shipping on every order https://shop.example/spring", rounds: 4),
                Wordings.Variant("question", "Ready for spring? Free shipping on every order, today only https://shop.example/spring", rounds: 4, skip: 12),
                Wordings.Variant("emoji", "🌷 Spring sale 🌷 free shipping on every order https://shop.example/spring", rounds: 4, skip: 24),
            ],
            [SandboxNetwork.Account],
            MetricDefinition.LinkClickRate)
        {
            Guardrails = [MetricDefinition.RepliesPerImpression],
            Allocation = new AllocationPlan { PostsPerVariant = 4, DailySlots = [new TimeOnly(9, 0), new TimeOnly(13, 0), new TimeOnly(18, 0)], Start = Start, Seed = 7 },
            Horizon = TimeSpan.FromDays(1),
        };

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>Question wording clicks twice as often as the control; the emoji one a little more.</summary>
    public const string Settings = """{ "seed": 11, "duplicateWindowHours": 0, "defaultRates": { "clickRate": 0.01 }, "rates": [ { "contains": "Ready for spring", "clickRate": 0.02 }, { "contains": "🌷", "clickRate": 0.012 } ] }""";
}
