using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Analytics;

/// <summary>
/// Builds <c>mops report posts</c> (and, later, the API's and dashboard's view of it): every published post's newest
/// counters and rates, sums per account and ISO week in the account's time zone, and the best and worst posts by
/// engagement rate among those with enough impressions to tell.
/// </summary>
internal sealed class PostsReportService(IPostMetricsStore metrics, IPostStore posts, IExperimentStore experiments, IPlatformRegistry registry, TimeProvider time)
{
    /// <summary>How many posts the best and the worst lists hold.</summary>
    public const int Ranked = 3;

    /// <summary>Impressions below which a post's rate says little and it is not ranked. The default value is 100.</summary>
    public const long MinImpressionsToRank = 100;

    public async Task<PostsReport> BuildAsync(DateTimeOffset since, string? account, CancellationToken cancellationToken)
    {
        if (account is not null && registry.FindAccount(account) is null)
        {
            var known = registry.Accounts.Select(a => a.Name).ToList();
            throw new PostRequestException($"--account: no account named '{account}'. Configured accounts: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }

        var rows = await metrics.ListAsync(since, account, cancellationToken);

        // The texts in one read: a post is due before it is published, so a day's margin covers the slowest publish.
        var stored = (await posts.ListDueSinceAsync([PostState.Published], since.AddDays(-1), cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var names = (await experiments.ListAsync(cancellationToken)).ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var report = new List<PostReportRow>(rows.Count);
        foreach (var row in rows)
        {
            var post = stored.GetValueOrDefault(row.PostId) ?? await posts.GetAsync(row.PostId, cancellationToken);
            var measured = row.At is not null;
            var c = row.Counters;
            report.Add(new PostReportRow(row.PostId, row.Account, row.PublishedAt, post?.Text ?? string.Empty)
            {
                Url = post?.PlatformUrl,
                Experiment = post?.ExperimentId is { } id ? names.GetValueOrDefault(id, id) : null,
                Variant = post?.Variant,
                MeasuredAt = row.At,
                Deleted = row.Deleted,
                Impressions = measured ? c.Impressions : null,
                Likes = measured ? c.Likes : null,
                Reposts = measured ? c.Reposts : null,
                Replies = measured ? c.Replies : null,
                Quotes = measured ? c.Quotes : null,
                LinkClicks = measured ? c.LinkClicks : null,
                Engagements = measured ? c.Get(PostCounters.Engagements) : null,
            });
        }

        var rankable = report.Where(r => r.Impressions >= MinImpressionsToRank && r.EngagementRate is not null).ToList();
        return new PostsReport(
            since,
            account,
            time.GetUtcNow(),
            report,
            Weeks(report),
            [.. rankable.OrderByDescending(r => r.EngagementRate).ThenBy(r => r.PublishedAt).Take(Ranked)],
            [.. rankable.OrderBy(r => r.EngagementRate).ThenBy(r => r.PublishedAt).Take(Math.Min(Ranked, Math.Max(0, rankable.Count - Ranked)))])
        {
            MinImpressionsToRank = MinImpressionsToRank,
            Notes = Notes(report, rankable.Count),
        };
    }

    private List<WeekReportRow> Weeks(List<PostReportRow> report) =>
        [.. report
            .GroupBy(r => (r.Account, Week: WeekOf(r)))
            .Select(g =>
            {
                var measured = g.Where(r => r.Impressions is not null).ToList();
                return new WeekReportRow(
                    g.Key.Account, g.Key.Week.Label, g.Key.Week.Monday, g.Count(), measured.Count,
                    measured.Sum(r => r.Impressions ?? 0), measured.Sum(r => r.Engagements ?? 0), measured.Sum(r => r.LinkClicks ?? 0));
            })
            .OrderBy(w => w.Account, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.WeekStart)];

    /// <summary>The ISO week of the post's publication in its account's time zone.</summary>
    private (string Label, DateOnly Monday) WeekOf(PostReportRow row)
    {
        var zone = registry.FindAccount(row.Account)?.TimeZone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(row.PublishedAt, zone).DateTime;
        var monday = DateOnly.FromDateTime(local).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return (string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}"), monday);
    }

    private static List<string> Notes(List<PostReportRow> report, int ranked)
    {
        var notes = new List<string>();
        var unmeasured = report.Count(r => r.MeasuredAt is null);
        if (unmeasured > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unmeasured} post(s) have no counters yet: the metrics job (`mops run`) collects a post soon after it is published."));
        }

        var deleted = report.Count(r => r.Deleted);
        if (deleted > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{deleted} post(s) were deleted on the platform; their counters up to the deletion still count."));
        }

        var noClicks = report.Count(r => r.MeasuredAt is not null && r.LinkClicks is null);
        if (noClicks > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{noClicks} post(s) come from a platform that does not report link clicks; their link-click rate is left empty, not zero."));
        }

        if (report.Count > 0 && ranked == 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"no post has {MinImpressionsToRank} impressions yet, so none is ranked best or worst."));
        }

        notes.Add($"Counters are collected {CollectionSchedule.Describe()}; weeks are ISO weeks in each account's time zone.");
        return notes;
    }
}
