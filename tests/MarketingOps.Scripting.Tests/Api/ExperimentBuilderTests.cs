namespace MarketingOps.Scripting.Tests.Api;

public sealed class ExperimentBuilderTests
{
    private static ExperimentBuilder Define(string name = "x") => new(name, plan => new ScriptExperiment("id", ExperimentStatus.Running, plan));

    [Fact]
    public void A_complete_description_builds_the_plan_with_every_choice()
    {
        var start = new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero);

        var plan = Define("cta")
            .Description("why")
            .Variant("A", "one")
            .Variant(new ExperimentVariant("B", "two") { Account = "other", TimeShift = TimeSpan.FromHours(4) })
            .On("brand", "brand")
            .Metric(ExperimentMetric.Ratio(Counter.Replies, Counter.Impressions))
            .Guardrail(ExperimentMetric.LinkClickRate)
            .Schedule(5, TimeSpan.FromHours(12), start)
            .Horizon(TimeSpan.FromDays(3))
            .Decide(DecisionRule.Frequentist(0.01))
            .ThenScheduleWinner()
            .Build();

        Assert.Equal("cta", plan.Name);
        Assert.Equal(["A", "B"], plan.Variants.Select(v => v.Name));
        Assert.Equal(["brand"], plan.Accounts);
        Assert.Equal(("replies", "impressions"), (plan.Metric.Numerator, plan.Metric.Denominator));
        Assert.Equal((5, TimeSpan.FromHours(12), start, TimeSpan.FromDays(3)), (plan.PostsPerVariant, plan.Spacing, plan.Start, plan.Horizon));
        Assert.Equal(new DecisionRule(DecisionMethod.Frequentist, 0.01), plan.Decision);
        Assert.True(plan.ScheduleWinner);
        Assert.Equal("why", plan.Description);
        Assert.Single(plan.Guardrails);
    }

    [Fact]
    public void A_variant_takes_one_wording_per_round_positionally_or_by_name()
    {
        var plan = Define()
            .Variant("feature", "round one", "round two", "round three")
            .Variant("benefit", rounds: ["first", "second"])
            .On("brand")
            .Metric(ExperimentMetric.LinkClickRate)
            .Schedule(3, [new TimeOnly(9, 30), new TimeOnly(13, 0)])
            .Build();

        Assert.Equal(["round one", "round two", "round three"], plan.Variants[0].Rounds);
        Assert.Equal(("round one", "round three"), (plan.Variants[0].Text, plan.Variants[0].TextFor(2)));
        Assert.Equal(["first", "second", "first"], Enumerable.Range(0, 3).Select(plan.Variants[1].TextFor));
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(13, 0)], plan.DailySlots);
        Assert.Equal(plan.Variants[0], plan.Variants[0] with { Rounds = ["round one", "round two", "round three"] });
    }

    [Fact]
    public void An_empty_round_or_a_daily_time_listed_twice_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Define().Variant("A", "one", " ").Variant("B", "two").On("brand").Metric(ExperimentMetric.LinkClickRate)
            .Schedule(2, [new TimeOnly(9, 0), new TimeOnly(9, 0)]).Build());

        Assert.Contains("variant 'A' has an empty round", error.Message, StringComparison.Ordinal);
        Assert.Contains("a daily posting time is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_in_one_exception()
    {
        var error = Assert.Throws<ArgumentException>(() => Define().Variant("A", "one").Variant("a", " ").Schedule(0, TimeSpan.Zero).Build());

        Assert.DoesNotContain("variants, this one has", error.Message, StringComparison.Ordinal);
        Assert.Contains("variant name 'A' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("variant 'a' has no text", error.Message, StringComparison.Ordinal);
        Assert.Contains("no account", error.Message, StringComparison.Ordinal);
        Assert.Contains("no metric", error.Message, StringComparison.Ordinal);
        Assert.Contains("posts per variant must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("spacing between posts must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_variant_is_not_an_experiment()
    {
        var error = Assert.Throws<ArgumentException>(() => Define().Variant("A", "one").On("brand").Metric(ExperimentMetric.EngagementRate).Build());

        Assert.Contains("this one has 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_hands_the_built_plan_to_the_engine()
    {
        ExperimentPlan? started = null;
        var builder = new ExperimentBuilder("go", plan => new ScriptExperiment("e1", ExperimentStatus.Running, started = plan));

        var experiment = builder.Variant("A", "a").Variant("B", "b").On("brand").Metric(ExperimentMetric.EngagementRate).Start();

        Assert.Equal("e1", experiment.Id);
        Assert.Same(started, experiment.Plan);
        Assert.Equal(DecisionMethod.Sequential, experiment.Plan.Decision.Method);
    }
}
