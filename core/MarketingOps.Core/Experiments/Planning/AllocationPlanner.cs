using System.Globalization;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Experiments.Planning;

/// <summary>
/// Turns an allocation plan into concrete posts. The posts come in rounds: each round takes the next k slots of
/// one account (rounds take turns across accounts) and gives every variant exactly one of them, so a variant
/// never runs ahead in time. Within a round, variants go to the slot classes (local time of day) they have had
/// least so far, ties broken by the seed, so no variant keeps the best hour. Same definition, same seed, same posts.
/// Round r of a variant posts its wording <see cref="VariantDefinition.TextFor"/>(r); repeated texts are judged by
/// <see cref="RepeatedTextCheck"/> against the guardrails' duplicate window.
/// </summary>
internal static class AllocationPlanner
{
    public static AllocationResult Plan(ExperimentDefinition definition, Func<string, TimeZoneInfo> zoneOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(zoneOf);
        var plan = definition.Allocation;
        var variants = definition.Variants;
        var k = variants.Count;
        var random = new Random(plan.Seed);
        var start = plan.Start ?? NextWholeHour(now);
        var slotAccounts = definition.Accounts.Count > 0 ? definition.Accounts : [variants.First(v => v.Account is not null).Account!];
        var generators = slotAccounts.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(a => a, a => Slots(plan, zoneOf(a), start).GetEnumerator(), StringComparer.OrdinalIgnoreCase);
        var counts = new Dictionary<(int Variant, string Class), int>();
        var posts = new List<PlannedPost>();
        try
        {
            for (var round = 0; round < plan.PostsPerVariant; round++)
            {
                var account = slotAccounts[round % slotAccounts.Count];
                var slots = Take(generators[account], k);
                var free = Enumerable.Range(0, k).ToList();
                foreach (var (at, slotClass) in slots.OrderBy(_ => random.Next()).ToList())
                {
                    var fewest = free.Min(v => counts.GetValueOrDefault((v, slotClass)));
                    var candidates = free.Where(v => counts.GetValueOrDefault((v, slotClass)) == fewest).ToList();
                    var variant = candidates[random.Next(candidates.Count)];
                    free.Remove(variant);
                    counts[(variant, slotClass)] = fewest + 1;
                    var definitionOf = variants[variant];
                    posts.Add(new PlannedPost(0, round, variant, definitionOf.Account ?? account, at + definitionOf.TimeShift, slotClass, definitionOf.TextFor(round)));
                }
            }
        }
        finally
        {
            foreach (var generator in generators.Values)
            {
                generator.Dispose();
            }
        }

        var ordered = posts.OrderBy(p => p.At).ThenBy(p => p.Variant).Select((p, i) => p with { Slot = i }).ToList();
        return new AllocationResult(ordered, []);
    }

    /// <summary>The end of the experiment: the last slot plus the horizon.</summary>
    public static DateTimeOffset EndOf(ExperimentDefinition definition, IReadOnlyList<PlannedPost> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        return posts.Max(p => p.At) + definition.Horizon;
    }

    private static IEnumerable<(DateTimeOffset At, string Class)> Slots(AllocationPlan plan, TimeZoneInfo zone, DateTimeOffset start)
    {
        if (plan.DailySlots.Count == 0)
        {
            for (var at = start; ; at += plan.Every)
            {
                yield return (at, ClassOf(at, zone));
            }
        }

        var times = plan.DailySlots.Distinct().Order().ToList();
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime); ; day = day.AddDays(1))
        {
            foreach (var time in times)
            {
                var at = ScheduleTimeParser.FromLocal(day.ToDateTime(time), zone).Utc;
                if (at >= start)
                {
                    yield return (at, time.ToString("HH:mm", CultureInfo.InvariantCulture));
                }
            }
        }
    }

    internal static string ClassOf(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static List<(DateTimeOffset At, string Class)> Take(IEnumerator<(DateTimeOffset At, string Class)> slots, int count)
    {
        var list = new List<(DateTimeOffset, string)>(count);
        while (list.Count < count && slots.MoveNext())
        {
            list.Add(slots.Current);
        }

        return list;
    }

    private static DateTimeOffset NextWholeHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
    }
}
