using System.Globalization;
using System.Text.RegularExpressions;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The composer: live per-platform counts and guardrail verdicts, scheduling for several accounts, and its role check.</summary>
public sealed class ComposerTests(Chromium chromium) : DashboardTest(chromium)
{
    private const string Earlier = "Single origin Huila on the bar all week";
    [Fact]
    public async Task Compose_for_two_accounts_see_counts_and_a_duplicate_rejected_fix_it_schedule_and_watch_it_publish_on_the_calendar()
    {
        var earlier = await ScheduleAsync("acme", TimeProvider.System.GetUtcNow().AddDays(3), Earlier);

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("editor-user", "/compose");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "acme (" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "beans (" }).CheckAsync();
        await page.GetByLabel("Text").FillAsync(Earlier);

        // Live, before anything is saved: each account's count, and the duplicate named with the earlier post.
        var acme = page.Locator("section.check[data-account='acme']");
        var beans = page.Locator("section.check[data-account='beans']");
        await Expect(acme.Locator("[data-count]")).ToHaveTextAsync(Earlier.Length.ToString(CultureInfo.InvariantCulture));
        await Expect(acme).ToHaveAttributeAsync("data-outcome", "reject");
        await Expect(acme.Locator("[data-rule='duplicate-content']")).ToContainTextAsync(earlier.Id);
        await Expect(acme.Locator($"a[href='/posts/{earlier.Id}']")).ToBeVisibleAsync();
        // The same text on another account is the same duplicate: the guardrails judge the content, not the account.
        await Expect(beans.Locator("[data-count]")).ToHaveTextAsync(Earlier.Length.ToString(CultureInfo.InvariantCulture));
        await Expect(beans).ToHaveAttributeAsync("data-outcome", "reject");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("compose");

        // Scheduling anyway is refused whole: nothing is stored for either account.
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was scheduled");
        Assert.Single((await Host.Service<PostsApp>().ListAsync(new PostFilter(), CancellationToken.None)).Items);

        var text = "Huila is back: tasting flight at 5 today";
        await page.GetByLabel("Text").FillAsync(text);
        await Expect(acme).ToHaveAttributeAsync("data-outcome", "allow");
        await Expect(beans).ToHaveAttributeAsync("data-outcome", "allow");
        await Expect(beans.Locator(".preview-text")).ToHaveTextAsync(text);

        // Due at the next whole minute in the zone the composer offers, so the host publishes it while we watch.
        var due = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddMinutes(1), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        await page.GetByLabel("Time zone").SelectOptionAsync(Zone);
        await page.GetByLabel("When").FillAsync(due.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

        // One text for two accounts of the same network is one account copying the other: refused whole, before anything is stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was scheduled: beans:");
        Assert.Single((await Host.Service<PostsApp>().ListAsync(new PostFilter(), CancellationToken.None)).Items);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "beans (" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled 1 post");

        await page.GetByRole(AriaRole.Link, new() { Name = "See them on the calendar" }).ClickAsync();
        var entries = page.Locator("a.entry", new() { HasText = "tasting flight" });
        await Expect(entries).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await Expect(entries.Nth(0).Locator(".badge")).ToHaveAttributeAsync("data-state", "Published", new() { Timeout = 150_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the calendar was reloaded");
        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public async Task An_approver_reaches_the_composer_neither_by_link_nor_by_url()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("approver-user", "/calendar");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("Inbox");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Compose" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/compose");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed for your role");
        await Expect(page.GetByLabel("Text")).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();

        // Posting the form directly is refused too, and nothing is stored.
        var post = await page.APIRequest.PostAsync("/compose", new() { Form = Form(page.APIRequest, ("_handler", "compose"), ("Compose.Accounts", "acme"), ("Compose.Text", "sneaky"), ("Compose.Intent", "schedule")), MaxRedirects = 0 });
        Assert.True(post.Status is 400 or 403, $"status {post.Status}");
        Assert.Empty((await Host.Service<PostsApp>().ListAsync(new PostFilter(), CancellationToken.None)).Items);
        Assert.Matches(new Regex("/denied"), page.Url);
    }

    private static IFormData Form(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Append(name, value);
        }

        return form;
    }
}
