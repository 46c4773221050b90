using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class ExperimentDefinitionBuilderTests
{
    [Fact]
    public void Builder_gives_the_same_definition_a_file_would()
    {
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        var definition = new ExperimentDefinitionBuilder("scripted")
            .Description("from a script")
            .Variant("a", "first")
            .Variant(new VariantDefinition("b", "second") { TimeShift = TimeSpan.FromHours(1) })
            .On("brand", "BRAND", "shop")
            .Metric(MetricDefinition.RepliesPerImpression)
            .Guardrail(MetricDefinition.LinkClickRate)
            .Schedule(5, TimeSpan.FromHours(12), start)
            .Seed(9)
            .Horizon(TimeSpan.FromDays(2))
            .Decide(AnalysisMethod.Bayesian, 0.9)
            .ThenScheduleWinner(TimeSpan.FromHours(3))
            .Build();

        Assert.Equal(["brand", "shop"], definition.Accounts);
        Assert.Equal(new AllocationPlan { PostsPerVariant = 5, Every = TimeSpan.FromHours(12), Start = start, Seed = 9 }.ToString(), definition.Allocation.ToString());
        Assert.Equal((AnalysisMethod.Bayesian, 0.9), (definition.Decision.Method, definition.Decision.ChanceToBeatControl));
        Assert.Equal(WinnerFollowUp.Evergreen(TimeSpan.FromHours(3)), definition.OnWin);
        Assert.Same(MetricDefinition.RepliesPerImpression, definition.Metric);
    }

    [Fact]
    public void Build_lists_every_problem_by_field()
    {
        var ex = Assert.Throws<ExperimentRequestException>(() => new ExperimentDefinitionBuilder("")
            .Variant("a", "x")
            .Variant("A", "")
            .Schedule(0, TimeSpan.Zero)
            .Build());

        Assert.Equal(
            [
                "metric: no metric; call Metric(MetricDefinition.LinkClickRate) or another",
                "name: the experiment needs a name",
                "variants[1].name: variant name 'A' is used twice",
                "variants[1].text: variant 'A' has no text",
                "accounts: no account: list the accounts to post from, or give every variant its own 'account'",
                "allocation.postsPerVariant: must be between 1 and 1000 (was 0)",
                "allocation.every: the time between slots must be positive",
            ],
            ex.Problems);
    }
}
