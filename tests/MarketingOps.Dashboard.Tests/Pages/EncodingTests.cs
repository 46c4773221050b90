using MarketingOps.Core.Inbox;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>What users type is shown as text on every page that shows it, and no page ever opens a dialog.</summary>
public sealed class EncodingTests(Chromium chromium) : DashboardTest(chromium)
{
    private const string Script = "<script>alert(1)</script> tasting notes";
    private const string Attribute = "\"><img src=x onerror=alert(1)> tasting notes";

    [Fact]
    public async Task Hostile_post_texts_show_as_text_on_the_calendar_the_post_page_and_the_inbox()
    {
        var due = TimeProvider.System.GetUtcNow().AddDays(1);
        var script = await ScheduleAsync("acme", due, Script);
        var attribute = await ScheduleAsync("beans", due.AddHours(1), Attribute);
        var at = due.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await Host.Service<PostsApp>().ProposeAsync(Cli, new ScheduleCommand("acme", at, Attribute + " again"), CancellationToken.None);
        Assert.Single(await Host.Service<InboxApp>().ListAsync(InboxItemStatus.Pending, CancellationToken.None));

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("owner-user", "/calendar?view=week&date=" + LocalDate(due));
        await Expect(page.Locator($"a.entry[data-post-id='{script.Id}'] .text")).ToHaveTextAsync(Script);
        await Expect(page.Locator($"a.entry[data-post-id='{attribute.Id}'] .text")).ToHaveTextAsync(Attribute);

        await page.GotoAsync($"/posts/{attribute.Id}");
        await Expect(page.Locator(".post-text")).ToHaveTextAsync(Attribute);
        await page.GotoAsync($"/posts/{script.Id}");
        await Expect(page.Locator(".post-text")).ToHaveTextAsync(Script);

        await page.GotoAsync("/inbox");
        await Expect(page.Locator("article.inbox-item textarea")).ToHaveValueAsync(Attribute + " again");
        await session.AssertAccessibleAsync();

        // Nothing the texts carry became an element: no injected image, no script beyond the host's two.
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public async Task Hostile_experiment_and_variant_names_show_as_text_on_the_experiments_list_and_the_report()
    {
        // Created as `mops experiment create` and the API create them, from a definition file's text.
        var start = TimeProvider.System.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var definition = $"""
            name: '{Script}'
            description: '{Attribute}'
            accounts: [acme]
            variants:
              - name: '{Attribute}'
                rounds: ["Our spring roast is here: bright, floral, and gone by May."]
              - name: '{Script}'
                rounds: ["Tired of flat coffee? The spring roast tastes of jasmine and peach."]
            metric: link-click-rate
            allocation:
              postsPerVariant: 1
              start: {start} 09:00
              dailySlots: ["09:00", "13:00"]
              seed: 7
            horizon: 1d
            decision:
              method: frequentist
              minPostsPerVariant: 1
            """;
        var created = await Host.Service<ExperimentsApp>().CreateAsync(definition, json: false, CancellationToken.None);
        var id = created.Experiment.Id;

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/experiments");
        var row = page.Locator($"tr[data-experiment-id='{id}']");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(Script);
        await Expect(row).ToContainTextAsync($"{Attribute}, {Script}");
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Experiment " + Script);
        await Expect(page.GetByText(Attribute, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#variants tbody th")).ToHaveTextAsync([Attribute + " (control)", Script]);
        await Expect(page.Locator("#comparisons tbody th")).ToHaveTextAsync(Script);
        await Expect(page.Locator("figure.chart-figure figcaption").Nth(1)).ToContainTextAsync(Script);
        await session.AssertAccessibleAsync();

        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Empty(session.Dialogs);
    }
}
