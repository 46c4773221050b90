using System.Globalization;
using MarketingOps.Core.Guardrails.Reporting;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Reports;

/// <summary><c>mops report automation</c>: per account and week, what was written by hand, approved from the inbox or sent unattended, and what the guardrails stopped.</summary>
internal sealed class ReportAutomationCommand : EngineCommand<ReportAutomationSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, ReportAutomationSettings settings, CancellationToken cancellationToken)
    {
        var since = settings.SinceDate ?? services.GetRequiredService<TimeProvider>().GetUtcNow().Date.AddDays(-28);
        var report = await services.GetRequiredService<IAutomationReport>().BuildAsync(new DateTimeOffset(since.DateTime, TimeSpan.Zero), cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                report.Since,
                report.Until,
                rows = report.Rows.Select(r => new { r.Account, week = r.Week.ToString(), r.Posts, r.Replies, r.DirectMessages, r.RejectionsByRule }),
            });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Account", "Week", "Posts (hand/inbox/unattended)", "Replies", "DMs", "Rejected by rule");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                row.Account,
                row.Week.ToString(),
                Counts(row.Posts),
                Counts(row.Replies),
                Counts(row.DirectMessages),
                row.RejectionsByRule.Count == 0 ? "-" : Markup.Escape(string.Join(", ", row.RejectionsByRule.Select(r => $"{r.Key} {r.Value}"))));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"since {report.Since:yyyy-MM-dd}, until {report.Until:yyyy-MM-dd HH:mm}Z; weeks are ISO weeks in each account's time zone");
        return ExitCodes.Success;
    }

    private static string Counts(OriginCounts counts) => string.Create(CultureInfo.InvariantCulture, $"{counts.Hand} / {counts.Inbox} / {counts.Unattended}");
}
