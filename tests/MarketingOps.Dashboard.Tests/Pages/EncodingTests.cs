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
}
