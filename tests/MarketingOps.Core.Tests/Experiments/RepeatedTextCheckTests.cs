using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class RepeatedTextCheckTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ExperimentDefinition Definition(VariantDefinition a, VariantDefinition b, TimeSpan every, int posts = 3, bool scheduleWinner = false) =>
        new("repeats", [a, b], ["brand"], MetricDefinition.LinkClickRate)
        {
            Allocation = new AllocationPlan { PostsPerVariant = posts, Every = every, Start = Now.AddHours(1) },
            OnWin = scheduleWinner ? WinnerFollowUp.Evergreen() : WinnerFollowUp.None,
        };

    private static (List<string> Problems, List<string> Warnings) Check(ExperimentDefinition definition, GuardrailOptions? options = null) =>
        RepeatedTextCheck.Check(definition, AllocationPlanner.Plan(definition, _ => Utc, Now).Posts, options ?? new GuardrailOptions(), _ => "sandbox");

    [Fact]
    public void The_same_text_of_a_variant_twice_within_the_default_window_is_a_problem_naming_the_variant()
    {
        var (problems, _) = Check(Definition(new VariantDefinition("feature", "Scheduled reports are here"), Wordings.Variant("benefit", "Reports arrive on their own"), TimeSpan.FromDays(1)));

        var problem = Assert.Single(problems);
        Assert.StartsWith("variant 'feature' would post the same text twice within the guardrails' 30-day duplicate window (", problem, StringComparison.Ordinal);
        Assert.Contains("'rounds': it has 1 for 3 posts", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_window_is_the_guardrails_one()
    {
        var definition = Definition(new VariantDefinition("feature", "Scheduled reports are here"), Wordings.Variant("benefit", "Reports arrive on their own"), TimeSpan.FromDays(20));

        Assert.NotEmpty(Check(definition).Problems); // 20 to 60 days apart: the closest two within the default 30
        Assert.Empty(Check(definition, new GuardrailOptions { DuplicateWindow = TimeSpan.FromDays(14) }).Problems);
    }

    [Fact]
    public void One_wording_per_round_passes_and_rounds_that_cycle_back_within_the_window_do_not()
    {
        var reworded = Definition(Wordings.Variant("a", "Scheduled reports are here"), Wordings.Variant("b", "Reports arrive on their own"), TimeSpan.FromDays(1));
        var cycling = Definition(Wordings.Variant("a", "Scheduled reports are here", rounds: 2), Wordings.Variant("b", "Reports arrive on their own"), TimeSpan.FromDays(1));

        Assert.Equal((0, 0), (Check(reworded).Problems.Count, Check(reworded).Warnings.Count));
        Assert.StartsWith("variant 'a' would post the same text twice", Assert.Single(Check(cycling).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_variants_with_the_same_text_are_a_problem_and_a_near_duplicate_rewording_a_warning()
    {
        var same = Definition(new VariantDefinition("a", "Reports arrive on their own every Monday") { Rounds = ["Reports arrive on their own every Monday", "Your numbers land in the inbox", "Nobody compiles the summary"] },
            new VariantDefinition("b", "Reports arrive on their own every Monday!") { Rounds = ["Reports arrive on their own every Monday!", "Slides without copying figures", "Charts refresh without anyone"] },
            TimeSpan.FromDays(1));
        var near = Definition(new VariantDefinition("a", "x") { Rounds = ["Reports arrive on their own every Monday morning", "Reports arrive on their own every Monday morning, really", "Nobody compiles the summary"] },
            Wordings.Variant("b", "Slides without copying figures"), TimeSpan.FromDays(1));

        Assert.StartsWith("variants 'a' and 'b' post the same text", Assert.Single(Check(same).Problems), StringComparison.Ordinal);
        Assert.Empty(Check(near).Problems);
        Assert.StartsWith("variant 'a' has two wordings only", Assert.Single(Check(near).Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Posting_the_winner_without_a_spare_wording_is_warned_about()
    {
        var (_, warnings) = Check(Definition(Wordings.Variant("a", "Scheduled reports are here", rounds: 3), Wordings.Variant("b", "Reports arrive on their own", rounds: 4), TimeSpan.FromDays(1), scheduleWinner: true));

        Assert.StartsWith("variant 'a' has no unused wording for the winner's post", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
