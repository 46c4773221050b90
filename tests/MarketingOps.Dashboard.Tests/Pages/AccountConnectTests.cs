using System.Text.Json;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Tests;
using MarketingOps.Testing.Peers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>
/// The accounts page's Connect button runs <c>mops accounts connect</c>'s browser sign-in: the real X plugin against a
/// loopback OAuth 2.0 server that checks PKCE, through the host's own callback, in a real browser.
/// </summary>
public sealed class AccountConnectTests(Chromium chromium) : DashboardTest(chromium), IDisposable
{
    private const string ClientId = "mops-dashboard-test";
    private readonly FakeOAuthServer _x = new(ClientId, "acme_brand");

    internal override string? MorePluginsJson()
    {
        var x = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.X");
        var settings = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["apiBaseUrl"] = _x.BaseUrl.ToString(),
            ["oauth2TokenUrl"] = _x.TokenUrl.ToString(),
            ["oauth2AuthorizeUrl"] = _x.AuthorizeUrl.ToString(),
            ["oauth2ClientId"] = ClientId,
            ["readRetries"] = "0",
        });
        return $$"""{ "id": "x", "path": {{JsonSerializer.Serialize(x)}}, "settings": {{settings}}, "accounts": [ { "name": "acme-x", "timeZone": "UTC", "settings": { "handle": "acme_brand", "auth": "oauth2" } } ] }""";
    }

    public void Dispose() => _x.Dispose();

    [Fact]
    public async Task An_owner_connects_an_x_account_from_the_accounts_page_and_sees_it_connected_while_an_editor_gets_no_button()
    {
        await using var editor = await OpenAsync();
        await editor.SignInAsync("editor-user", "/plugins");
        await Expect(editor.Page.Locator("#accounts tr[data-account='acme-x'] [data-connection]")).ToHaveTextAsync("not connected");
        await Expect(editor.Page.GetByRole(AriaRole.Link, new() { Name = "Connect acme-x" })).ToHaveCountAsync(0);
        var refused = await editor.Page.GotoAsync("/accounts/acme-x/connect");
        Assert.Equal(403, refused!.Status);

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("owner-user", "/plugins");
        var row = page.Locator("#accounts tr[data-account='acme-x']");
        await Expect(row.Locator("[data-connection]")).ToHaveTextAsync("not connected");
        // The sandbox cannot connect accounts: it says so, and offers no button.
        await Expect(page.Locator("#accounts tr[data-account='acme'] .connection")).ToContainTextAsync("does not connect accounts itself");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connect acme", Exact = true })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "Connect acme-x" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connect acme-x");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with x" }).ClickAsync();
        var onward = page.GetByRole(AriaRole.Link, new() { Name = "Continue to sign in at " + _x.BaseUrl.Authority });
        await Expect(onward).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(_x.AuthorizeUrl.ToString()) + "\\?.*code_challenge_method=S256"));
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("account-connect");

        // The loopback server approves at once and sends the browser back to the host's callback, which finishes the sign-in.
        await onward.ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("Connected acme-x (x) as acme_brand.");
        Assert.Empty(_x.Refusals);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the accounts" }).ClickAsync();
        await Expect(row.Locator("[data-connection]")).ToHaveTextAsync("credentials stored for acme_brand, not checked");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Reconnect acme-x" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "check each connection with its platform" }).ClickAsync();
        await Expect(row.Locator("[data-connection]")).ToHaveTextAsync("connected as acme_brand");
    }
}
