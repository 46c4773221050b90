using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Tests;
using MarketingOps.Testing.Peers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>The Connect button for a Bluesky account: a handle and an app password, checked by the real PDS, in a real browser.</summary>
public sealed class AccountPasswordConnectTests(Chromium chromium) : DashboardTest(chromium)
{
    private Uri? _pds;
    private string? _unavailable;
    private string _handle = string.Empty;
    private string _appPassword = string.Empty;

    public override async ValueTask InitializeAsync()
    {
        (_pds, _unavailable) = await PdsPeer.EnsureAsync();
        if (_pds is not null)
        {
            (_handle, _appPassword) = await NewAccountWithAppPasswordAsync(_pds);
        }

        await base.InitializeAsync();
    }

    internal override string? MorePluginsJson()
    {
        if (_pds is null)
        {
            return null;
        }

        var bluesky = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Bluesky");
        return $$"""{ "id": "bluesky", "path": {{JsonSerializer.Serialize(bluesky)}}, "settings": { "serviceUrl": {{JsonSerializer.Serialize(_pds.ToString())}} }, "accounts": [ { "name": "acme-bsky", "timeZone": "UTC", "settings": { "handle": {{JsonSerializer.Serialize(_handle)}} } } ] }""";
    }

    [Fact]
    public async Task An_owner_connects_a_bluesky_account_with_an_app_password_after_a_missing_and_a_wrong_one_are_refused_next_to_the_field()
    {
        if (_pds is null)
        {
            PeerUnavailable.SkipOrFail(_unavailable ?? "no PDS");
        }

        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("owner-user", "/plugins");
        var row = page.Locator("#accounts tr[data-account='acme-bsky']");
        await Expect(row.Locator("[data-connection]")).ToHaveTextAsync("not connected");
        await row.GetByRole(AriaRole.Link, new() { Name = "Connect acme-bsky" }).ClickAsync();
        await Expect(page.GetByLabel("Handle")).ToHaveValueAsync(_handle);

        var connect = page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true });
        await connect.ClickAsync();
        await Expect(page.Locator("#app-password-error")).ToHaveTextAsync("Give the app password to connect with.");
        await Expect(page.GetByLabel("App password")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("App password").FillAsync("aaaa-bbbb-cccc-dddd");
        await connect.ClickAsync();
        await Expect(page.Locator("#app-password-error")).ToContainTextAsync("acme-bsky");
        await Expect(page.Locator("[data-connection]")).ToHaveAttributeAsync("data-connection", "not-connected");

        await page.GetByLabel("App password").FillAsync(_appPassword);
        await connect.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Connected acme-bsky (bluesky) as {_handle}.");
        Assert.DoesNotContain(_appPassword, await page.ContentAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the accounts" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Reconnect acme-bsky" })).ToBeVisibleAsync();
        await Expect(row.Locator("[data-connection]")).Not.ToHaveTextAsync("not connected");
    }

    // A new account on the PDS and an app password for it (com.atproto.server.createAccount, then createAppPassword).
    private static async Task<(string Handle, string AppPassword)> NewAccountWithAppPasswordAsync(Uri pds)
    {
        using var http = new HttpClient { BaseAddress = pds, Timeout = TimeSpan.FromSeconds(30) };
        var handle = $"dash{Guid.NewGuid():N}"[..16] + ".test";
        using var created = await http.PostAsJsonAsync("xrpc/com.atproto.server.createAccount", new { handle, email = $"{handle}@example.test", password = "pw-" + Guid.NewGuid().ToString("N") });
        var session = await JsonDocument.ParseAsync(await created.EnsureSuccessStatusCode().Content.ReadAsStreamAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "xrpc/com.atproto.server.createAppPassword") { Content = JsonContent.Create(new { name = "dashboard" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RootElement.GetProperty("accessJwt").GetString());
        using var answer = await http.SendAsync(request);
        using var document = await JsonDocument.ParseAsync(await answer.EnsureSuccessStatusCode().Content.ReadAsStreamAsync());
        session.Dispose();
        return (handle, document.RootElement.GetProperty("password").GetString()!);
    }
}
