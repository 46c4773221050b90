using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Reports;

/// <summary><c>mops report …</c>: reports.</summary>
internal static class ReportCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("report", report =>
        {
            report.SetDescription("Reports on what the host did.");
            report.AddCommand<ReportAutomationCommand>("automation")
                .WithDescription("Per account and ISO week: posts, replies and DMs by hand, approved from the inbox or unattended; guardrail rejections by rule.")
                .WithExample("report", "automation", "--since", "2026-03-01", "--json");
            report.AddCommand<ReportPostsCommand>("posts")
                .WithDescription("Every published post's impressions, engagements and rates; per account and ISO week; the best and worst posts.")
                .WithExample("report", "posts", "--account", "acme", "--since", "2026-03-01")
                .WithExample("report", "posts", "--csv", "posts.csv", "--html", "posts.html");
        });
}
