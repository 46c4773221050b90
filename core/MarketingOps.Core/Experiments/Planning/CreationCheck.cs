using System.Globalization;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Planning;

/// <summary>
/// What would make part of an experiment fail once started, found before anything is stored: a start in the past,
/// a wording a platform refuses, a planned post the guardrails refuse. Problems name the file's fields (never a CLI
/// option the author did not type) and the post's variant, round, time and account.
/// </summary>
internal static class CreationCheck
{
    // "Now" typed in a file reaches us a little later; as PostService allows.
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    /// <summary>One problem for every slot of the plan that is due before now.</summary>
    public static string? PastStart(ExperimentDefinition definition, IReadOnlyList<PlannedPost> posts, DateTimeOffset now, Func<string, TimeZoneInfo> zoneOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(zoneOf);
        var late = posts.Where(p => p.At < now - PastTolerance).OrderBy(p => p.At).ToList();
        if (late.Count == 0)
        {
            return null;
        }

        var zone = zoneOf(late[0].Account);
        return string.Create(CultureInfo.InvariantCulture,
            $"allocation.start: {late.Count} of the {posts.Count} planned posts would be due in the past, the first at {Local(late[0].At, zone)} (now is {Local(now, zone)}); move 'allocation.start' to a later time, or leave it out to start at the next whole hour.");
    }

    /// <summary>Every wording of every variant (the spare one for the winner too) against the rules of each platform it would be posted on.</summary>
    public static async Task<List<string>> WordingsAsync(ExperimentDefinition definition, IPlatformRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<string>();
        for (var v = 0; v < definition.Variants.Count; v++)
        {
            var variant = definition.Variants[v];
            var wordings = variant.Rounds.Count == 0
                ? [(Path: $"variants[{v}].text", Text: variant.Text)]
                : variant.Rounds.Select((text, r) => (Path: $"variants[{v}].rounds[{r}]", Text: text)).ToList();
            IEnumerable<string> accounts = variant.Account is { } own ? [own] : definition.Accounts;
            if (definition.OnWin.Account is { } winnerAccount)
            {
                accounts = accounts.Append(winnerAccount);
            }

            // Per account, not per platform: a Mastodon instance sets its own limit.
            foreach (var (account, platform) in accounts
                .Select(registry.FindAccount).OfType<Accounts.ClientAccount>()
                .DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                .Select(a => (a.Name, Platform: registry.FindPlatform(a.Platform)))
                .Where(a => a.Platform is not null))
            {
                foreach (var (path, text) in wordings)
                {
                    var validation = await platform!.ValidateAsync(account, new PostDraft(text) { Media = variant.Media }, cancellationToken);
                    problems.AddRange(validation.Problems.Select(p => string.Create(CultureInfo.InvariantCulture,
                        $"{path}: {platform.Descriptor.DisplayName} refuses this wording of variant '{variant.Name}' ({validation.Length}/{validation.MaxLength}): {p}")));
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Publishing's answers for the planned posts, as problems and warnings of the plan. The time and the platform's
    /// rules are left out: <see cref="PastStart"/> and <see cref="WordingsAsync"/> say those once, in the file's terms.
    /// </summary>
    public static (List<string> Problems, List<string> Warnings) Posts(ExperimentDefinition definition, IReadOnlyList<PlannedPost> posts, IReadOnlyList<PostCheck> checks, Func<string, TimeZoneInfo> zoneOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(checks);
        var problems = new List<string>();
        var warnings = new List<string>();
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            var where = Where(definition, post, zoneOf(post.Account));
            problems.AddRange(checks[i].Problems
                .Where(p => p.Field is not (PostField.At or PostField.Platform))
                .Select(p => $"{where}: {p.Message}"));
            if (checks[i].ApprovalReason is { } reason)
            {
                warnings.Add($"{where} will wait in the approval inbox: {reason}");
            }
        }

        return (problems, warnings);
    }

    /// <summary>"variants[1].rounds[2] (variant 'question', round 3, 2026-03-03 13:00 Europe/Berlin on 'brand')".</summary>
    public static string Where(ExperimentDefinition definition, PlannedPost post, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(post);
        var variant = definition.Variants[post.Variant];
        var path = variant.Rounds.Count == 0 ? $"variants[{post.Variant}].text" : $"variants[{post.Variant}].rounds[{post.Round % variant.Rounds.Count}]";
        return string.Create(CultureInfo.InvariantCulture, $"{path} (variant '{variant.Name}', round {post.Round + 1}, {Local(post.At, zone)} on '{post.Account}')");
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm} {zone.Id}");
}
