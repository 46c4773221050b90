using System.Globalization;
using System.Text.RegularExpressions;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>Sign-in, the calendar and a post's page in a real browser against the real host.</summary>
public sealed partial class CalendarAndPostTests(Chromium chromium) : DashboardTest(chromium)
{
    [Fact]
    public async Task A_wrong_password_is_refused_next_to_the_form_and_the_right_one_leads_back_to_the_page_asked_for()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/calendar?view=week");
        await Expect(page).ToHaveURLAsync(LoginUrl());

        await page.GetByLabel("Name").FillAsync("editor-user");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown name or wrong password.");
        await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("sign-in");

        await page.GetByLabel("Password").FillAsync(ApiHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/calendar\\?view=week$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Week of");
        await Expect(page.GetByText("editor-user")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_calendar_shows_each_post_with_its_state_in_words_and_leads_to_its_page_where_an_editor_cancels_it()
    {
        var due = TimeProvider.System.GetUtcNow().AddDays(1);
        var post = await ScheduleAsync("acme", due, "Cupping at the roastery on Friday: bring a friend");

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("editor-user", "/calendar?view=month&date=" + LocalDate(due));

        var entry = page.Locator($"a.entry[data-post-id='{post.Id}']");
        await Expect(entry).ToContainTextAsync("Scheduled");
        await Expect(entry).ToContainTextAsync("acme");
        await Expect(entry).ToContainTextAsync("Cupping at the roastery");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("calendar-month");

        await entry.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/posts/{post.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Post to acme");
        await Expect(page.Locator(".post-text")).ToHaveTextAsync("Cupping at the roastery on Friday: bring a friend");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("cli-user (test)");
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this post" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cancelled.");
        await Expect(page.Locator(".page-head .badge")).ToHaveAttributeAsync("data-state", "Cancelled");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("editor-user (dashboard)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this post" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("post");

        var stored = await Host.Service<PostsApp>().GetAsync(post.Id, CancellationToken.None);
        Assert.Equal(MarketingOps.Core.Posts.PostState.Cancelled, stored.Post.State);
    }

    [Fact]
    public async Task A_busy_day_in_the_month_shows_its_first_posts_its_counts_by_state_and_leads_to_the_day_with_every_post()
    {
        // Five posts on one local day (it is midday there now, so two days on, 09:00 to 11:00 stays on that day), one cancelled.
        var first = TimeProvider.System.GetUtcNow().AddDays(2).AddHours(-3);
        string[] texts = ["Cupping at nine", "Roaster's notes on the Kenyan lot", "Latte art class, two seats left", "Grinder maintenance tips", "Cold brew is back for summer"];
        var posts = new List<PostView>();
        for (var i = 0; i < texts.Length; i++)
        {
            posts.Add(await ScheduleAsync(i % 2 == 0 ? "acme" : "beans", first.AddMinutes(30 * i), texts[i]));
        }

        await Host.Service<PostsApp>().CancelAsync(Cli, posts[4].Id, null, CancellationToken.None);

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/calendar?view=month&date=" + LocalDate(first));
        var cell = page.Locator("td", new() { Has = page.Locator($"a.entry[data-post-id='{posts[0].Id}']") });
        await Expect(cell.Locator("a.entry")).ToHaveCountAsync(3);
        await Expect(cell.Locator("a.entry").Nth(2)).ToHaveAttributeAsync("data-post-id", posts[2].Id);
        await Expect(cell.Locator(".day-states li.state-scheduled")).ToHaveTextAsync("◷ 4 Scheduled");
        await Expect(cell.Locator(".day-states li.state-cancelled")).ToHaveTextAsync("⊘ 1 Cancelled");
        await Expect(cell.Locator("a.day-number")).ToHaveAttributeAsync("aria-label", new Regex(", 5 posts$"));
        await session.AssertAccessibleAsync();

        await cell.GetByRole(AriaRole.Link, new() { Name = "+2 more" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("view=day"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(
            TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        await Expect(page.Locator("a.entry")).ToHaveCountAsync(5);
        await Expect(page.Locator($"a.entry[data-post-id='{posts[4].Id}']")).ToContainTextAsync("Cancelled");
        await Expect(page.Locator("h2 .count")).ToHaveTextAsync("5 posts");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("calendar-day");
    }

    [Fact]
    public async Task A_viewer_sees_a_post_without_any_action_and_a_stale_cancel_is_refused_without_a_change()
    {
        var post = await ScheduleAsync("beans", TimeProvider.System.GetUtcNow().AddDays(2), "Our Ethiopian natural is back in stock");

        await using var viewer = await OpenAsync();
        await viewer.SignInAsync("viewer-user", $"/posts/{post.Id}");
        await Expect(viewer.Page.Locator(".post-text")).ToHaveTextAsync("Our Ethiopian natural is back in stock");
        await Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this post" })).ToHaveCountAsync(0);

        // An editor's page goes stale: the post is cancelled and scheduled again elsewhere meanwhile (its version moves on).
        await using var editor = await OpenAsync();
        await editor.SignInAsync("editor-user", $"/posts/{post.Id}");
        await Host.Service<PostsApp>().CancelAsync(Cli, post.Id, null, CancellationToken.None);
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this post" }).ClickAsync();
        await Expect(editor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this post while you were looking at it");
        await Expect(editor.Page.Locator(".page-head .badge")).ToHaveAttributeAsync("data-state", "Cancelled");
        await editor.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_post_due_now_turns_published_on_the_open_calendar_without_a_reload()
    {
        var due = TimeProvider.System.GetUtcNow().AddSeconds(20);
        var post = await ScheduleAsync("acme", due, "Espresso bar opens in ten minutes");

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/calendar?view=week&date=" + LocalDate(due));
        var entry = page.Locator($"a.entry[data-post-id='{post.Id}']");
        await Expect(entry.Locator(".badge")).ToHaveAttributeAsync("data-state", "Scheduled");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        await Expect(entry.Locator(".badge")).ToHaveAttributeAsync("data-state", "Published", new() { Timeout = 120_000 });
        await Expect(entry).ToContainTextAsync("Published");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded");
        await session.ScreenshotAsync("calendar-week");
    }

    [Fact]
    public async Task The_open_month_recounts_a_busy_day_and_shows_a_new_post_when_posts_change_without_a_reload()
    {
        // Four posts on one local day: three drawn, the fourth only counted behind "+1 more".
        var first = TimeProvider.System.GetUtcNow().AddDays(2).AddHours(-3);
        var posts = new List<PostView>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add(await ScheduleAsync("acme", first.AddMinutes(30 * i), $"Tasting flight number {i + 1}"));
        }

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/calendar?view=month&date=" + LocalDate(first));
        var cell = page.Locator("td", new() { Has = page.Locator($"a.entry[data-post-id='{posts[0].Id}']") });
        await Expect(cell.Locator(".day-states li.state-scheduled")).ToHaveTextAsync("◷ 4 Scheduled");
        await Expect(cell.Locator(".day-states li.state-cancelled")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        // The hidden post changes state, and a post is added on the next day: neither was drawn when the page loaded.
        await Host.Service<PostsApp>().CancelAsync(Cli, posts[3].Id, null, CancellationToken.None);
        var added = await ScheduleAsync("beans", first.AddDays(1), "Pop-up stand at the Saturday market");

        var live = new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 };
        await Expect(cell.Locator(".day-states li.state-cancelled")).ToHaveTextAsync("⊘ 1 Cancelled", live);
        await Expect(cell.Locator(".day-states li.state-scheduled")).ToHaveTextAsync("◷ 3 Scheduled", live);
        await Expect(page.Locator($"a.entry[data-post-id='{added.Id}']")).ToContainTextAsync("Pop-up stand at the Saturday market", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded");
        await session.AssertAccessibleAsync();
    }

    [GeneratedRegex("/login\\?ReturnUrl=")]
    private static partial Regex LoginUrl();
}
