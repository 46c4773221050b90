using System.Text.RegularExpressions;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The sign-in link of <c>mops demo --serve</c>: looking does not use it, the button does, and then it is refused.</summary>
public sealed partial class OnceSignInTests(Chromium chromium) : DashboardTest(chromium)
{
    [Fact]
    public async Task A_one_time_link_signs_in_once_leads_to_its_page_and_is_refused_politely_afterwards()
    {
        var code = Host.Service<OneTimeSignIn>().Issue("owner-user", "/plugins", TimeSpan.FromHours(1));

        await using var newcomer = await OpenAsync();
        var page = newcomer.Page;
        await page.GotoAsync($"/login/once/{code}");
        await page.ReloadAsync(); // a second look (a prefetch, a preview) does not use it up
        await Expect(page.GetByText("This link signs you in once.")).ToBeVisibleAsync();
        await newcomer.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PluginsUrl());
        await Expect(page.GetByText("owner-user")).ToBeVisibleAsync();

        await using var second = await OpenAsync();
        await second.Page.GotoAsync($"/login/once/{code}");
        await Expect(second.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used");
        Assert.Equal(0, await second.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).CountAsync());
        await second.AssertAccessibleAsync();
        await second.Page.GotoAsync("/calendar");
        await Expect(second.Page).ToHaveURLAsync(new Regex("/login"));
        Assert.Empty(newcomer.Dialogs);
    }

    [GeneratedRegex("/plugins$")]
    private static partial Regex PluginsUrl();
}
