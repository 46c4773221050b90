using System.Globalization;
using MarketingOps.Core.Experiments.Definitions;

namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>
/// Checks that the variants' published posts ran in comparable slots: the same mix of times of day and accounts,
/// at about the same point of the experiment, and on time. Differences the definition asks for (a variant's own
/// account or time shift) are named as design, not as faults.
/// </summary>
internal static class SlotComparability
{
    // Total variation distance between two variants' mixes above which the slots are not comparable.
    private const double MixThreshold = 0.25;

    // Mean publish times further apart than this share of the experiment's span suggest a time trend.
    private const double TrendThreshold = 0.25;

    private static readonly TimeSpan LateThreshold = TimeSpan.FromHours(1);

    public static IReadOnlyList<string> Check(ExperimentDefinition definition, IReadOnlyList<ExperimentPost> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        var warnings = new List<string>();
        var published = posts.Where(p => p.Status is ExperimentPostStatus.Published or ExperimentPostStatus.Deleted && p.PublishedAt is not null).ToList();
        var byVariant = Enumerable.Range(0, definition.Variants.Count).Select(v => published.Where(p => p.Variant == v).ToList()).ToList();
        var control = definition.Control;
        foreach (var (variant, i) in definition.Variants.Select((v, i) => (v, i)).Skip(1))
        {
            if (variant.TimeShift != TimeSpan.Zero || control.TimeShift != TimeSpan.Zero)
            {
                warnings.Add($"by design, variant '{variant.Name}' posts {DurationText.Format(variant.TimeShift - control.TimeShift)} off the control's times: the comparison includes the posting time.");
            }

            if (!string.Equals(variant.Account, control.Account, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"by design, variant '{variant.Name}' posts from {variant.Account ?? "the experiment's accounts"} and the control from {control.Account ?? "the experiment's accounts"}: the comparison includes the account and its audience.");
            }
        }

        var first = byVariant[0];
        for (var v = 1; v < byVariant.Count; v++)
        {
            var other = byVariant[v];
            if (first.Count < 2 || other.Count < 2)
            {
                continue;
            }

            var name = definition.Variants[v].Name;
            if (Distance(first, other, p => p.Plan.SlotClass) > MixThreshold)
            {
                warnings.Add($"non-comparable slots: variant '{name}' ran at {Mix(other, p => p.Plan.SlotClass)} and the control at {Mix(first, p => p.Plan.SlotClass)}; time-of-day effects may explain the difference.");
            }

            if (definition.Variants[v].Account is null && control.Account is null && Distance(first, other, p => p.Account.ToUpperInvariant()) > MixThreshold)
            {
                warnings.Add($"non-comparable accounts: variant '{name}' ran on {Mix(other, p => p.Account)} and the control on {Mix(first, p => p.Account)}.");
            }
        }

        var all = published.Select(p => p.PublishedAt!.Value).ToList();
        if (all.Count >= 2)
        {
            var span = (all.Max() - all.Min()).TotalHours;
            var means = byVariant.Where(l => l.Count > 0).Select(l => l.Average(p => (p.PublishedAt!.Value - all.Min()).TotalHours - (definition.Variants[l[0].Variant].TimeShift.TotalHours))).ToList();
            if (span > 0 && means.Count >= 2 && (means.Max() - means.Min()) / span > TrendThreshold)
            {
                warnings.Add("the variants ran at different points of the experiment (one mostly early, another mostly late): novelty or a trend may explain the difference.");
            }
        }

        var late = published.Count(p => p.PublishedAt!.Value - p.Plan.At > LateThreshold);
        if (late > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{late} post(s) went out more than an hour after their slot (rate limits, approval or downtime), so their slots are not the planned ones."));
        }

        return warnings;
    }

    private static double Distance(List<ExperimentPost> a, List<ExperimentPost> b, Func<ExperimentPost, string> key)
    {
        var shareA = a.GroupBy(key).ToDictionary(g => g.Key, g => (double)g.Count() / a.Count);
        var shareB = b.GroupBy(key).ToDictionary(g => g.Key, g => (double)g.Count() / b.Count);
        return 0.5 * shareA.Keys.Union(shareB.Keys).Sum(k => Math.Abs(shareA.GetValueOrDefault(k) - shareB.GetValueOrDefault(k)));
    }

    private static string Mix(List<ExperimentPost> posts, Func<ExperimentPost, string> key) =>
        string.Join(", ", posts.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}")));
}
