using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class SlotComparabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static ExperimentDefinition Definition(VariantDefinition? b = null) =>
        new("slots", [new VariantDefinition("a", "x"), b ?? new VariantDefinition("b", "y")], ["brand"], MetricDefinition.LinkClickRate);

    private static ExperimentPost Post(int key, int variant, string slotClass, DateTimeOffset planned, TimeSpan late = default) =>
        new(key, "e", new PlannedPost(key, key / 2, variant, "brand", planned, slotClass, "t"), ExperimentPostStatus.Published) { PublishedAt = planned + late };

    [Fact]
    public void Rotated_slots_raise_no_warning()
    {
        ExperimentPost[] posts = [Post(0, 0, "09:00", T0), Post(1, 1, "18:00", T0.AddHours(9)), Post(2, 1, "09:00", T0.AddDays(1)), Post(3, 0, "18:00", T0.AddDays(1).AddHours(9))];

        Assert.Empty(SlotComparability.Check(Definition(), posts));
    }

    [Fact]
    public void Variants_stuck_in_different_hours_or_published_late_are_warned_about()
    {
        ExperimentPost[] posts =
        [
            Post(0, 0, "09:00", T0), Post(1, 1, "18:00", T0.AddHours(9)),
            Post(2, 0, "09:00", T0.AddDays(1)), Post(3, 1, "18:00", T0.AddDays(1).AddHours(9), late: TimeSpan.FromHours(3)),
        ];

        var warnings = SlotComparability.Check(Definition(), posts);

        Assert.Contains("non-comparable slots: variant 'b' ran at 18:00 ×2 and the control at 09:00 ×2; time-of-day effects may explain the difference.", warnings);
        Assert.Contains(warnings, w => w.StartsWith("1 post(s) went out more than an hour after their slot", StringComparison.Ordinal));
    }

    [Fact]
    public void A_time_shift_by_design_is_named_as_design()
    {
        var warnings = SlotComparability.Check(Definition(new VariantDefinition("b", "y") { TimeShift = TimeSpan.FromHours(3) }), []);

        Assert.Equal(["by design, variant 'b' posts 3h off the control's times: the comparison includes the posting time."], warnings);
    }
}
