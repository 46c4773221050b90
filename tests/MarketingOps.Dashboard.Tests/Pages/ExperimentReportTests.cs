using System.Globalization;
using System.Text.RegularExpressions;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests;
using MarketingOps.Host.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>
/// The experiments pages on what <c>mops demo</c> leaves behind: the real executable runs the demo (its script, the
/// sandbox network, the decision rule) in a home folder of its own, and the host serves the demo's folder as
/// <c>mops demo --serve</c> does. The figures the page shows are the analysis's own, read back from the host.
/// </summary>
public sealed partial class ExperimentReportTests(Chromium chromium) : DashboardTest(chromium)
{
    // As in the demo's own test: a cold script compile in a worker process and two simulated weeks on a shared machine.
    private static readonly TimeSpan DemoPatience = TimeSpan.FromMinutes(6);

    internal override async Task<ApiHost> StartHostAsync()
    {
        var home = new TempFolder();
        try
        {
            home.WriteSandboxPluginsJson();
            var (exit, output, error) = await MopsProcess.RunAsync(DemoPatience, home.Root, "demo");
            Assert.True(exit == 0, error + output);
            return await ApiHost.StartAsync(home, Path.Combine(home.Root, "data", "demo"));
        }
        catch
        {
            home.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task The_demo_experiments_report_names_the_winner_shows_the_lift_interval_and_charts_told_in_words_the_traffic_split_and_the_caveats()
    {
        var experiments = Host.Service<ExperimentsApp>();
        var experiment = Assert.Single(await experiments.ListAsync(CancellationToken.None));
        var decision = experiment.Decision;
        Assert.NotNull(decision);
        var report = await experiments.ReportAsync(experiment.Id, CancellationToken.None);

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/experiments");
        var row = page.Locator($"tr[data-experiment-id='{experiment.Id}']");
        await Expect(row).ToContainTextAsync("spring-launch-wording");
        await Expect(row).ToContainTextAsync("Decided");
        await Expect(row).ToContainTextAsync("feature, benefit");
        await Expect(row).ToContainTextAsync("benefit wins");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("experiments");

        await row.GetByRole(AriaRole.Link, new() { Name = "spring-launch-wording" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/experiments/{experiment.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Experiment spring-launch-wording");

        // The winner the decision rule picked (the sandbox's benefit wording truly doubles the click rate), with its
        // lift and interval; the interval holds the true +100 %.
        Assert.Equal("benefit", decision.Winner);
        Assert.InRange(1.0, decision.Low, decision.High);
        var lift = ExperimentAnalyser.Lift(decision.Estimate, decision.Kind);
        var interval = $"{ExperimentAnalyser.Lift(decision.Low, decision.Kind)} to {ExperimentAnalyser.Lift(decision.High, decision.Kind)}";
        await Expect(page.Locator("#decision-title")).ToHaveTextAsync("Decision: benefit wins");
        await Expect(page.Locator("section.decision")).ToContainTextAsync($"benefit against the control: lift {lift}, interval {interval}");

        // The variants and the comparison with the control, as the HTML report has them.
        await Expect(page.Locator("#variants tbody th")).ToHaveTextAsync(["feature (control)", "benefit"]);
        var comparison = Assert.Single(report.Comparisons);
        var compared = $"{ExperimentAnalyser.Lift(comparison.Low, report.Lift)} to {ExperimentAnalyser.Lift(comparison.High, report.Lift)}";
        var comparisonRow = page.Locator("#comparisons tbody tr");
        await Expect(comparisonRow.Locator("th")).ToHaveTextAsync("benefit");
        await Expect(comparisonRow).ToContainTextAsync(compared);

        // Three charts, each an image that loaded, with an alternative text and a caption that says what it shows in numbers.
        var charts = page.Locator("figure.chart-figure");
        await Expect(charts).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var image = charts.Nth(i).Locator("img.chart");
            await Expect(image).ToHaveAttributeAsync("alt", new Regex(@"\w"));
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"chart {i} did not load");
        }

        await Expect(charts.Nth(0).Locator("figcaption")).ToContainTextAsync(
            string.Create(CultureInfo.InvariantCulture, $"where they ended: feature {report.Arms[0].Rate:0.000%}; benefit {report.Arms[1].Rate:0.000%}."));
        await Expect(charts.Nth(1).Locator("figcaption")).ToContainTextAsync($"Lift over the control with its interval: benefit {ExperimentAnalyser.Lift(comparison.Estimate, report.Lift)} ({compared}).");
        await Expect(charts.Nth(2).Locator("figcaption")).ToContainTextAsync("Chance to beat the control (dashed line at 95 %): benefit ");

        // The sample-ratio check, its warnings (if the analysis has any) and the notes to read before acting.
        var srm = report.Srm;
        Assert.NotNull(srm);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Traffic split" })).ToBeVisibleAsync();
        await Expect(page.Locator("#srm")).ToContainTextAsync(srm.IsMismatch ? "Sample ratio mismatch." : "No mismatch.");
        if (report.Warnings.Count > 0)
        {
            await Expect(page.Locator("ul.warn li")).ToHaveTextAsync([.. report.Warnings]);
        }
        else
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Warnings" })).ToHaveCountAsync(0);
        }

        Assert.NotEmpty(report.Caveats);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Read this before acting on the result" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No prior: the lift, its interval and the chance to beat the control come from the data alone")).ToBeVisibleAsync();

        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("experiment-report");
        Assert.Empty(session.Dialogs);
    }
}
