using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The automation report page: the numbers of <c>mops report automation</c> as a chart said in words and a table.</summary>
public sealed class AutomationPageTests(Chromium chromium) : DashboardTest(chromium)
{
    [Fact]
    public async Task What_went_out_and_what_the_guardrails_refused_show_as_charts_in_words_and_as_a_table()
    {
        var due = TimeProvider.System.GetUtcNow().AddSeconds(15);
        var post = await ScheduleAsync("acme", due, "Single origin from Huila arrives on Friday");
        var later = due.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() =>
            Host.Service<PostsApp>().ScheduleAsync(Cli, new ScheduleCommand("acme", later, "Single origin from Huila arrives on Friday"), null, CancellationToken.None));
        Assert.Contains("duplicate", refused.Message, StringComparison.OrdinalIgnoreCase);

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/calendar?view=week&date=" + LocalDate(due));
        await Expect(page.Locator($"a.entry[data-post-id='{post.Id}'] .badge")).ToHaveAttributeAsync("data-state", "Published", new() { Timeout = 120_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Automation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Automation report");
        var report = await Host.Service<ReportsApp>().AutomationAsync(null, CancellationToken.None);
        var row = Assert.Single(report.Rows);
        var rule = Assert.Single(row.RejectionsByRule).Key;

        var tableRow = page.Locator($"#automation tr[data-account='acme'][data-week='{row.Week}']");
        await Expect(tableRow.Locator("td.num").Nth(0)).ToHaveTextAsync("1");
        await Expect(tableRow.Locator("td.num").Nth(1)).ToHaveTextAsync("0");
        await Expect(tableRow.Locator("td.num").Nth(2)).ToHaveTextAsync("0");
        await Expect(tableRow).ToContainTextAsync($"{rule} 1");

        // Each chart is an image named by its title and said in words by its caption.
        var origins = page.GetByRole(AriaRole.Img, new() { Name = "Messages sent per account and week, by who made them" });
        await Expect(origins).ToBeVisibleAsync();
        await Expect(page.Locator("#origins figcaption")).ToContainTextAsync($"acme {row.Week}: 1 by hand, 0 approved, 0 unattended");
        await Expect(page.Locator("#rejections figcaption")).ToContainTextAsync($"{rule} 1");
        await Expect(page.Locator("#summary")).ToHaveTextAsync("1 sent in all: 1 written by hand, 0 approved in the inbox, 0 unattended; the guardrails refused 1.");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("automation");

        await page.GotoAsync("/automation?since=yesterday");
        await Expect(page.Locator("#since-error")).ToContainTextAsync("'yesterday' is not a date");
        await session.AssertAccessibleAsync();
    }
}
