using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class AllocationPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ExperimentDefinition Definition(int variants, int posts, int seed = 1, params string[] accounts) =>
        new("plan",
            [.. Enumerable.Range(0, variants).Select(i => new VariantDefinition($"v{i}", $"text {i}"))],
            accounts.Length == 0 ? ["brand"] : accounts,
            MetricDefinition.LinkClickRate)
        {
            Allocation = new AllocationPlan
            {
                PostsPerVariant = posts,
                DailySlots = [new TimeOnly(9, 0), new TimeOnly(13, 0), new TimeOnly(18, 0)],
                Start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
                Seed = seed,
            },
        };

    [Fact]
    public void Same_seed_gives_the_same_posts_and_another_seed_a_different_rotation()
    {
        var a = AllocationPlanner.Plan(Definition(3, 6, seed: 5), _ => Berlin, Now).Posts;
        var b = AllocationPlanner.Plan(Definition(3, 6, seed: 5), _ => Berlin, Now).Posts;
        var c = AllocationPlanner.Plan(Definition(3, 6, seed: 6), _ => Berlin, Now).Posts;

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(p => p.Variant), c.Select(p => p.Variant));
    }

    [Fact]
    public void Every_round_gives_every_variant_exactly_one_slot()
    {
        var posts = AllocationPlanner.Plan(Definition(4, 5), _ => Berlin, Now).Posts;

        Assert.Equal(20, posts.Count);
        Assert.All(posts.GroupBy(p => p.Round), round => Assert.Equal([0, 1, 2, 3], round.Select(p => p.Variant).Order()));
        Assert.Equal(posts.OrderBy(p => p.At).Select(p => p.Slot), Enumerable.Range(0, 20));
    }

    [Fact]
    public void No_variant_keeps_the_best_hour_each_gets_each_daily_slot_equally_often()
    {
        var posts = AllocationPlanner.Plan(Definition(3, 6), _ => Berlin, Now).Posts;

        // 3 variants × 6 posts over 3 daily slots: each variant gets 09:00, 13:00 and 18:00 twice.
        Assert.All(posts.GroupBy(p => p.Variant), variant =>
            Assert.All(variant.GroupBy(p => p.SlotClass), slot => Assert.Equal(2, slot.Count())));
        Assert.Equal(["09:00", "13:00", "18:00"], posts.Select(p => p.SlotClass).Distinct().Order());
    }

    [Fact]
    public void Daily_slots_are_local_times_of_the_account_across_a_DST_change()
    {
        var definition = Definition(2, 6) with { Allocation = Definition(2, 6).Allocation with { Start = new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero) } };

        var posts = AllocationPlanner.Plan(definition, _ => Berlin, Now).Posts;

        Assert.All(posts, p => Assert.Equal(p.SlotClass, TimeZoneInfo.ConvertTime(p.At, Berlin).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(posts, p => p.At.Offset == TimeSpan.Zero && TimeZoneInfo.ConvertTime(p.At, Berlin).Offset == TimeSpan.FromHours(2));
    }

    [Fact]
    public void Rounds_take_turns_across_accounts_and_each_variant_gets_each_account_equally()
    {
        var posts = AllocationPlanner.Plan(Definition(2, 4, 1, "brand", "shop"), _ => Berlin, Now).Posts;

        Assert.All(posts.GroupBy(p => p.Round), r => Assert.Single(r.Select(p => p.Account).Distinct()));
        Assert.All(posts.GroupBy(p => p.Variant), v => Assert.Equal(2, v.Count(p => p.Account == "shop")));
    }

    [Fact]
    public void A_variant_with_its_own_account_and_time_shift_keeps_them()
    {
        var definition = Definition(2, 2) with
        {
            Variants = [new VariantDefinition("a", "x"), new VariantDefinition("b", "y") { Account = "other", TimeShift = TimeSpan.FromHours(2) }],
        };

        var posts = AllocationPlanner.Plan(definition, _ => Berlin, Now).Posts;

        Assert.All(posts.Where(p => p.Variant == 1), p =>
        {
            Assert.Equal("other", p.Account);
            Assert.Equal(TimeZoneInfo.ConvertTime(p.At, Berlin).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(p.SlotClass, System.Globalization.CultureInfo.InvariantCulture).AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void A_variants_ith_post_says_its_ith_round()
    {
        var definition = Definition(2, 3) with
        {
            Variants = [new VariantDefinition("a", "a0") { Rounds = ["a0", "a1", "a2"] }, new VariantDefinition("b", "b0") { Rounds = ["b0", "b1"] }],
        };

        var posts = AllocationPlanner.Plan(definition, _ => Berlin, Now).Posts;

        Assert.Equal(["a0", "a1", "a2"], posts.Where(p => p.Variant == 0).OrderBy(p => p.Round).Select(p => p.Text));
        Assert.Equal(["b0", "b1", "b0"], posts.Where(p => p.Variant == 1).OrderBy(p => p.Round).Select(p => p.Text)); // fewer rounds than posts: they cycle
    }

    [Fact]
    public void Without_a_start_the_first_slot_is_after_now()
    {
        var definition = Definition(2, 2) with { Allocation = new AllocationPlan { PostsPerVariant = 2, Every = TimeSpan.FromHours(8) } };

        var posts = AllocationPlanner.Plan(definition, _ => Berlin, Now).Posts;

        Assert.Equal(Now.AddHours(1), posts[0].At);
        Assert.Equal(Now.AddHours(1 + (8 * 3)), posts[^1].At);
    }
}
