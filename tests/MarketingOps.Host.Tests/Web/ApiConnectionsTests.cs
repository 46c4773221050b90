using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>The connection endpoints on the sandbox (which cannot connect accounts): states, clear refusals, owners only, and a callback that needs its state.</summary>
public sealed class ApiConnectionsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Connections_ListEveryAccount_WithWhyItCannotBeConnected()
    {
        using var viewer = _api.As(UserRole.Viewer);

        var list = await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/accounts/connections"));

        Assert.Equal("acme", list[0].GetProperty("account").GetString());
        Assert.Equal("unsupported", list[0].GetProperty("state").GetString());
        Assert.Contains("does not connect accounts itself", list[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_IsForOwners_NamesUnknownAccounts_AndRefusesPlatformsThatCannot()
    {
        using var editor = _api.As(UserRole.Editor);
        using var owner = _api.As(UserRole.Owner);
        var body = new { handle = "acme.test", appPassword = "abcd-efgh-ijkl-mnop" };

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/v1/accounts/acme/connect/password", body)).StatusCode);
        using var unknown = await owner.PostAsJsonAsync("/api/v1/accounts/nobody/connect/password", body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unsupported = await owner.PostAsync("/api/v1/accounts/acme/connect/browser", null);
        Assert.Equal(HttpStatusCode.Conflict, unsupported.StatusCode);
        var problem = await unsupported.Content.ReadAsStringAsync();
        Assert.Contains("cannot connect accounts itself", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("abcd-efgh-ijkl-mnop", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_WithAnUnknownState_ShowsThatItIsUnknown_AsEscapedHtml()
    {
        using var browser = _api.Anonymous();

        using var response = await browser.GetAsync("/api/v1/accounts/connect/callback?code=x&state=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unknown or expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
