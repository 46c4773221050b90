using System.Globalization;
using MarketingOps.Core.Analytics;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Reporting.Posts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Reports;

/// <summary><c>mops report posts</c>: every published post's impressions, engagements and rates, per account and week, with the best and worst posts.</summary>
internal sealed class ReportPostsCommand : EngineCommand<ReportPostsSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, ReportPostsSettings settings, CancellationToken cancellationToken)
    {
        var since = settings.SinceDate ?? new DateTimeOffset(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date.AddDays(-28), TimeSpan.Zero);
        var report = await services.GetRequiredService<PostsReportService>().BuildAsync(since, settings.Account, cancellationToken);
        if (settings.Csv is { } csv)
        {
            var path = await OutputFile.WriteAsync(csv, writer => { PostsReportCsv.Write(report, writer); return Task.CompletedTask; }, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"CSV with {report.Posts.Count} posts written to [blue]{path}[/]");
        }

        if (settings.Html is { } html)
        {
            var path = await OutputFile.WriteAsync(html, PostsReportHtml.Write(report), cancellationToken);
            if (!settings.Json)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"HTML report written to [blue]{path}[/]");
            }
        }

        if (settings.Json)
        {
            JsonOutput.Write(report);
            return ExitCodes.Success;
        }

        Print(report);
        return ExitCodes.Success;
    }

    private static void Print(PostsReport report)
    {
        var weeks = new Table().AddColumns("Account", "Week", "Posts", "Impressions", "Engagements", "Eng. rate", "Link clicks", "Click rate");
        foreach (var w in report.Weeks)
        {
            weeks.AddRow(
                Markup.Escape(w.Account),
                $"{w.Week} ({w.WeekStart:yyyy-MM-dd})",
                w.Measured == w.Posts ? w.Posts.ToString(CultureInfo.InvariantCulture) : $"{w.Posts} ({w.Measured} measured)",
                w.Impressions.ToString("N0", CultureInfo.InvariantCulture),
                w.Engagements.ToString("N0", CultureInfo.InvariantCulture),
                Rate(w.EngagementRate),
                w.LinkClicks.ToString("N0", CultureInfo.InvariantCulture),
                Rate(w.LinkClickRate));
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{report.Posts.Count} posts[/] published since {report.Since:yyyy-MM-dd}{(report.Account is null ? "" : $" by {report.Account}")}");
        AnsiConsole.Write(weeks);
        Posts($"Best (engagement rate, at least {report.MinImpressionsToRank} impressions)", report.Best);
        Posts("Worst", report.Worst);
        Posts("Every post", report.Posts);
        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]note:[/] {note}");
        }
    }

    private static void Posts(string heading, IReadOnlyList<PostReportRow> posts)
    {
        if (posts.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{heading}[/]");
        var table = new Table().AddColumns("Published (UTC)", "Account", "Post", "Impressions", "Engagements", "Eng. rate", "Click rate", "Text");
        foreach (var p in posts)
        {
            table.AddRow(
                p.PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(p.Account),
                p.PostId,
                p.Impressions?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                p.Engagements?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                Rate(p.EngagementRate),
                Rate(p.LinkClickRate),
                Markup.Escape(p.Text));
        }

        AnsiConsole.Write(table);
    }

    private static string Rate(double? value) => value?.ToString("0.00%", CultureInfo.InvariantCulture) ?? "–";
}
