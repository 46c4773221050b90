using MarketingOps.Core.Inbox;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>Issue 16: a held thread in the inbox, every part of it editable before the one approval that sends them all.</summary>
public sealed class InboxThreadTests(Chromium chromium) : DashboardTest(chromium)
{
    internal override string AccountsJson(string zone) =>
        $$"""[ { "name": "acme", "timeZone": "{{zone}}" }, { "name": "held", "timeZone": "{{zone}}", "approvalRequired": true } ]""";

    [Fact]
    public async Task An_approver_edits_the_second_and_third_parts_of_a_held_thread_and_every_part_goes_as_left()
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await Host.Service<PostsApp>().ScheduleAsync(
            Cli,
            new ScheduleCommand("held", at, "Thread one: we moved to the harbour.") { Thread = ["Thread two: same coffee, bigger room.", "Thread three: opening party on Saturday."] },
            null,
            CancellationToken.None);
        var item = Assert.Single(await Host.Service<InboxApp>().ListAsync(InboxItemStatus.Pending, CancellationToken.None)).Item;
        Assert.Equal(3, item.Parts.Count);

        await using var approver = await OpenAsync();
        await approver.SignInAsync("approver-user", "/inbox");
        var card = approver.Page.Locator($"article[data-item-id='{item.Id}']");
        await Expect(card.GetByLabel("Part 1 of 3: text to send")).ToHaveValueAsync("Thread one: we moved to the harbour.");
        await Expect(card.GetByLabel("Part 3 of 3: text to send")).ToHaveValueAsync("Thread three: opening party on Saturday.");
        await card.GetByLabel("Part 2 of 3: text to send").FillAsync("Thread two: same coffee, a bigger room.");
        await card.GetByLabel("Part 3 of 3: text to send").FillAsync("Thread three: opening party on Saturday at 6.");
        await approver.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approver.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved with your edits");

        var decided = (await Host.Service<InboxApp>().GetAsync(item.Id, CancellationToken.None)).Item;
        Assert.Equal(InboxItemStatus.Approved, decided.Status);
        Assert.Equal([2, 3], Assert.Single(decided.Decisions).EditedParts!.Select(e => e.Part));
        string[] expected = ["Thread one: we moved to the harbour.", "Thread two: same coffee, a bigger room.", "Thread three: opening party on Saturday at 6."];
        foreach (var (part, text) in decided.Parts.OrderBy(p => p.Part).Zip(expected))
        {
            Assert.Equal(text, (await Host.Service<PostsApp>().GetAsync(part.PostId, CancellationToken.None)).Post.Text);
        }
    }
}
