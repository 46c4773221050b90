using MarketingOps.Core.Access;
using MarketingOps.Core.Inbox;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests.Web;
using MarketingOps.Sdk;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The approval inbox on a phone: approve an edited reply, and a second approver's stale click makes no second decision.</summary>
public sealed class InboxTests(Chromium chromium) : DashboardTest(chromium)
{
    [Fact]
    public async Task An_approver_on_a_phone_approves_an_edited_reply_and_a_second_approvers_stale_click_is_refused_politely()
    {
        await Host.Service<AccessService>().AddUserAsync("second-approver", UserRole.Approver, ApiHost.Password, CancellationToken.None);
        var at = TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var proposed = await Host.Service<PostsApp>().ProposeAsync(
            new Actor("assistant", UserRole.Editor, "mcp"),
            new ScheduleCommand("acme", at, "@ana Thanks for asking! We open at 8.", Kind: MessageKind.Reply, Recipient: "ana", InReplyTo: "sandbox-post-1"),
            CancellationToken.None);
        var item = Assert.Single(await Host.Service<InboxApp>().ListAsync(InboxItemStatus.Pending, CancellationToken.None)).Item;

        await using var phone = await OpenAsync(390, 844);
        await using var other = await OpenAsync();
        await phone.SignInAsync("approver-user", "/inbox");
        await other.SignInAsync("second-approver", "/inbox");

        var card = phone.Page.Locator($"article[data-item-id='{item.Id}']");
        await Expect(card).ToContainTextAsync("Reply on acme");
        await Expect(card.GetByLabel("Text to send")).ToHaveValueAsync("@ana Thanks for asking! We open at 8.");
        var width = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the inbox is {width} px wide on a 390 px phone");
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("inbox-phone");

        const string Edited = "@ana Thanks for asking! We open at 8, and the espresso bar at 9.";
        await card.GetByLabel("Text to send").FillAsync(Edited);
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved with your edit");
        await Expect(phone.Page.Locator($"article[data-item-id='{item.Id}']")).ToHaveCountAsync(0);

        // The second approver's page still offers the item; their click is answered, and changes nothing.
        var stale = other.Page.Locator($"article[data-item-id='{item.Id}']");
        await stale.GetByLabel("Reason, to reject").FillAsync("too chatty");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(other.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else decided this one first: approved by approver-user (dashboard)");
        await other.AssertAccessibleAsync();

        var decided = (await Host.Service<InboxApp>().GetAsync(item.Id, CancellationToken.None)).Item;
        Assert.Equal(InboxItemStatus.Approved, decided.Status);
        Assert.Single(decided.Decisions);
        var post = await Host.Service<PostsApp>().GetAsync(proposed.Post.Id, CancellationToken.None);
        Assert.Equal(Edited, post.Post.Text);
        Assert.Contains(post.History, h => h.Reason?.Contains("approver-user (dashboard)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_next_to_the_field_and_a_viewer_cannot_open_the_inbox()
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await Host.Service<PostsApp>().ProposeAsync(Cli, new ScheduleCommand("beans", at, "Fresh crop Kenyan beans land on Monday"), CancellationToken.None);

        await using var approver = await OpenAsync();
        await approver.SignInAsync("approver-user", "/inbox");
        var card = approver.Page.Locator("article.inbox-item");
        await card.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(card.Locator(".field-error")).ToHaveTextAsync("Say why it is rejected; the reason is kept with the decision.");
        await Expect(card.GetByLabel("Reason, to reject")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Single(await Host.Service<InboxApp>().ListAsync(InboxItemStatus.Pending, CancellationToken.None));

        await using var viewer = await OpenAsync();
        await viewer.SignInAsync("viewer-user", "/calendar");
        await Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToHaveCountAsync(0);
        var response = await viewer.Page.GotoAsync("/inbox");
        Assert.Equal(403, response!.Status);
    }
}
