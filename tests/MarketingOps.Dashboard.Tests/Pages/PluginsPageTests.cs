using System.Text.Json;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The plugins and accounts page: statuses with their reasons, each account's publish budget left and last publish.</summary>
public sealed class PluginsPageTests(Chromium chromium) : DashboardTest(chromium), IDisposable
{
    // A folder name a plugin's reason repeats: shown as text, never as markup.
    private const string Hostile = "\"><img src=x onerror=alert(1)>";
    private readonly TempFolder _broken = new();

    internal override string? MorePluginsJson()
    {
        // A plugin whose folder is not there: Malfunctioned, with the reason naming the folder, and the host runs on;
        // one whose entry assembly is not an assembly at all: Malfunctioned too.
        var corrupt = Path.Combine(_broken.Root, "corrupt");
        Directory.CreateDirectory(corrupt);
        File.WriteAllBytes(Path.Combine(corrupt, "Corrupt.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03]);
        File.WriteAllText(Path.Combine(corrupt, "plugin.json"), """{ "id": "corrupt", "version": "1.0.0", "sdkRange": "[1.0,2.0)", "entryAssembly": "Corrupt.dll", "kind": "platform" }""");
        var folder = Path.Combine(_broken.Root, Hostile);
        return $$"""{ "id": "corrupt", "path": {{JsonSerializer.Serialize(corrupt)}} }, """ + $$"""{ "id": "broken", "path": {{JsonSerializer.Serialize(folder)}}, "accounts": [ { "name": "orphan", "timeZone": "UTC" } ] }""";
    }

    public void Dispose() => _broken.Dispose();

    [Fact]
    public async Task Statuses_show_with_their_reasons_and_each_account_its_budget_left_and_last_publish()
    {
        var due = TimeProvider.System.GetUtcNow().AddSeconds(15);
        var post = await ScheduleAsync("acme", due, "Cold brew is back on tap today");

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("viewer-user", "/calendar?view=week&date=" + LocalDate(due));
        var entry = page.Locator($"a.entry[data-post-id='{post.Id}']");
        await Expect(entry.Locator(".badge")).ToHaveAttributeAsync("data-state", "Published", new() { Timeout = 120_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Plugins and accounts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plugins and accounts");
        var sandbox = page.Locator("#plugins tr[data-plugin-id='sandbox']");
        await Expect(sandbox).ToContainTextAsync("Active");
        var broken = page.Locator("#plugins tr[data-plugin-id='broken']");
        await Expect(broken).ToContainTextAsync("Malfunctioned: ");
        await Expect(broken.Locator(".reason")).ToContainTextAsync("plugin folder not found: " + Path.Combine(_broken.Root, Hostile));
        await Expect(page.Locator("#plugins tr[data-plugin-id='corrupt'] .reason")).ToHaveTextAsync("Malfunctioned: not a valid .NET assembly: Bad IL format.");

        // acme published once: its budget shows one used, and its last publish leads to the post.
        var acme = page.Locator("#accounts tr[data-account='acme']");
        var budget = Host.Service<MarketingOps.Host.Application.AccountActivityApp>();
        var activity = await budget.GetAsync("acme", CancellationToken.None);
        Assert.Equal(post.Id, activity.LastPublishedPostId);
        Assert.NotEmpty(activity.Budgets);
        Assert.All(activity.Budgets, b => Assert.Equal(1, b.Used));
        await Expect(acme.Locator(".budget")).ToContainTextAsync($"{activity.Budgets[0].Left} of {activity.Budgets[0].Limit}");
        await acme.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Host.BaseAddress}posts/{post.Id}");
        await page.GoBackAsync();

        var beans = page.Locator("#accounts tr[data-account='beans']");
        await Expect(beans).ToContainTextAsync("never");
        var orphan = page.Locator("#accounts tr[data-account='orphan']");
        await Expect(orphan).ToContainTextAsync("not active");
        await Expect(orphan).ToContainTextAsync("broken is Malfunctioned: ");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("plugins");
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Empty(session.Dialogs);
    }
}
