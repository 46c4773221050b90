using System.Globalization;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Similarity;

namespace MarketingOps.Core.Experiments.Planning;

/// <summary>
/// Finds, before anything is scheduled, the planned posts the duplicate guardrail would stop: the same text (similarity
/// at or above <see cref="GuardrailOptions.IdenticalThreshold"/>) twice within <see cref="GuardrailOptions.DuplicateWindow"/>
/// on one platform is a problem that refuses the whole plan; a near-duplicate of a variant's own earlier post (which the
/// guardrail holds for review) is a warning. Same fingerprints and thresholds as the guardrail, so the two agree.
/// </summary>
internal static class RepeatedTextCheck
{
    public static (List<string> Problems, List<string> Warnings) Check(
        ExperimentDefinition definition,
        IReadOnlyList<PlannedPost> posts,
        GuardrailOptions options,
        Func<string, string> platformOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(platformOf);
        var problems = new List<string>();
        var warnings = new List<string>();
        var reported = new HashSet<(int, int)>();
        var window = options.DuplicateWindow;
        var days = window.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
        foreach (var scope in posts.GroupBy(p => platformOf(p.Account), StringComparer.OrdinalIgnoreCase))
        {
            var byText = scope.GroupBy(p => p.Text, StringComparer.Ordinal).Select(g => g.OrderBy(p => p.At).ToList()).ToList();
            var prints = byText.Select(g => ContentFingerprint.Create(g[0].Text)).ToList();
            for (var a = 0; a < byText.Count; a++)
            {
                for (var b = a; b < byText.Count; b++)
                {
                    var similarity = a == b ? 1.0 : prints[a].Similarity(prints[b]);
                    if (similarity < options.NearDuplicateThreshold || Closest(byText[a], byText[b], a == b) is not (var first, var second) || second.At - first.At > window)
                    {
                        continue;
                    }

                    var (low, high) = (Math.Min(first.Variant, second.Variant), Math.Max(first.Variant, second.Variant));
                    if (!reported.Add((low, high)))
                    {
                        continue;
                    }

                    var apart = Apart(second.At - first.At);
                    var name = definition.Variants[first.Variant].Name;
                    if (first.Variant != second.Variant)
                    {
                        if (similarity >= options.IdenticalThreshold)
                        {
                            problems.Add($"variants '{definition.Variants[low].Name}' and '{definition.Variants[high].Name}' post the same text {apart} apart (slots {first.Slot} and {second.Slot}); variants must be really different wordings");
                        }

                        continue;
                    }

                    var fix = $"give variant '{name}' one wording per post ('rounds': it has {Math.Max(1, definition.Variants[first.Variant].Rounds.Count)} for {definition.Allocation.PostsPerVariant} posts) or space its posts more than {days} days apart";
                    if (similarity >= options.IdenticalThreshold)
                    {
                        problems.Add($"variant '{name}' would post the same text twice within the guardrails' {days}-day duplicate window ({apart} apart, slots {first.Slot} and {second.Slot}), and the duplicate guardrail refuses repeats: {fix}");
                    }
                    else
                    {
                        warnings.Add(string.Create(CultureInfo.InvariantCulture,
                            $"variant '{name}' has two wordings only {similarity:0.00} apart from being the same (similarity at least {options.NearDuplicateThreshold:0.##}) {apart} apart (slots {first.Slot} and {second.Slot}); the duplicate guardrail will hold the later one for review: reword it more"));
                    }
                }
            }
        }

        if (definition.OnWin.ScheduleWinner && !definition.Decision.Bandit)
        {
            foreach (var variant in definition.Variants.Where(v => v.Rounds.Count <= definition.Allocation.PostsPerVariant))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"variant '{variant.Name}' has no unused wording for the winner's post (it would repeat an earlier one, which the duplicate guardrail refuses within {days} days): give it {definition.Allocation.PostsPerVariant + 1} 'rounds'"));
            }
        }

        return (problems, warnings);
    }

    /// <summary>The two posts closest in time, one from each list (two different posts of one list when <paramref name="same"/>).</summary>
    private static (PlannedPost First, PlannedPost Second)? Closest(List<PlannedPost> a, List<PlannedPost> b, bool same)
    {
        (PlannedPost, PlannedPost)? best = null;
        var gap = TimeSpan.MaxValue;
        if (same)
        {
            for (var i = 1; i < a.Count; i++)
            {
                if (a[i].At - a[i - 1].At < gap)
                {
                    (best, gap) = ((a[i - 1], a[i]), a[i].At - a[i - 1].At);
                }
            }

            return best;
        }

        foreach (var p in a)
        {
            foreach (var q in b)
            {
                if ((q.At - p.At).Duration() < gap)
                {
                    (best, gap) = (p.At <= q.At ? (p, q) : (q, p), (q.At - p.At).Duration());
                }
            }
        }

        return best;
    }

    private static string Apart(TimeSpan gap) => gap.TotalHours < 48
        ? string.Create(CultureInfo.InvariantCulture, $"{gap.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{gap.TotalDays:0.#} days");
}
