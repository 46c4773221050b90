using System.Text.Json;
using MarketingOps.Host.Tests;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Integration.Tests.Accounts;

/// <summary>
/// <c>mops accounts connect</c> for X through the real executable, as <c>gh auth login</c> works: it listens on a
/// loopback port, prints the authorize URL, and an HttpClient plays the browser that follows it; the local
/// authorization server checks the PKCE verifier the CLI made and rotates refresh tokens.
/// </summary>
public sealed class XAccountCliTests : IDisposable
{
    private const string ClientId = "mops-cli-test";

    private readonly string _home = Path.Combine(Path.GetTempPath(), "mops-accounts", Guid.NewGuid().ToString("N"));
    private readonly FakeOAuthServer _x = new(ClientId);
    private readonly HttpClient _browser = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Connect_FollowsTheLoopbackFlow_ThenListShowsTheConnection_AndARefreshIsPersisted()
    {
        WriteClientFolder();

        var (exit, output, error, page) = await ConnectThroughBrowserAsync();

        Assert.True(exit == 0, error);
        Assert.Contains("Connected brand as acme_brand", page, StringComparison.Ordinal);
        using (var connected = JsonDocument.Parse(output))
        {
            Assert.Equal("connected", connected.RootElement.GetProperty("state").GetString());
            Assert.Equal("acme_brand", connected.RootElement.GetProperty("handle").GetString());
            Assert.Equal(["tweet.read", "tweet.write", "users.read", "offline.access"], connected.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        }

        Assert.Empty(_x.Refusals);

        // The access token runs out: the check refreshes it, X rotates the refresh token, and the next process (a
        // restart) can refresh again only because the new one was stored.
        foreach (var run in new[] { 1, 2 })
        {
            _x.ExpireAccessTokens();
            var list = await MopsProcess.RunAsync(_home, "accounts", "list", "--json");
            Assert.True(list.ExitCode == 0, list.Err);
            using var document = JsonDocument.Parse(list.Out);
            Assert.Equal("connected", document.RootElement.GetProperty("accounts")[0].GetProperty("state").GetString());
            Assert.Equal(run, _x.Refreshes);
        }

        Assert.Empty(_x.Refusals);
        var tokens = string.Join('\n', _x.Requests.Where(r => r.Path == "/2/users/me").Select(r => r.Header("Authorization")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_home, "logs")))
        {
            var log = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Bearer ", log, StringComparison.Ordinal);
            Assert.All(tokens.Split('\n'), t => Assert.DoesNotContain(t["Bearer ".Length..], log, StringComparison.Ordinal));
        }

        _x.RevokeAll();
        var revoked = await MopsProcess.RunAsync(_home, "accounts", "list", "--json");
        using var after = JsonDocument.Parse(revoked.Out);
        Assert.Equal("revoked", after.RootElement.GetProperty("accounts")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Connect_WhenTheRedirectCarriesAnotherState_StoresNothing()
    {
        WriteClientFolder();
        using var mops = MopsProcess.Start(_home, "accounts", "connect", "brand", "--no-browser", "--timeout", "60s");
        var url = await AuthorizeUrlAsync(mops);
        var redirect = System.Web.HttpUtility.ParseQueryString(url.Query)["redirect_uri"]!;

        // A forged request reaches the loopback port first, with a state of its own.
        using var forged = await _browser.GetAsync(new Uri($"{redirect}?code=stolen&state=forged"), TestContext.Current.CancellationToken);

        Assert.Equal(1, await mops.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("state does not match", mops.StandardError, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(_x.Requests, r => r.Path == "/2/oauth2/token");
        var list = await MopsProcess.RunAsync(_home, "accounts", "list", "--offline", "--json");
        Assert.Contains("\"not-connected\"", list.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _browser.Dispose();
        _x.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private async Task<(int Exit, string Out, string Err, string Page)> ConnectThroughBrowserAsync()
    {
        using var mops = MopsProcess.Start(_home, "accounts", "connect", "brand", "--no-browser", "--timeout", "60s", "--json");
        var url = await AuthorizeUrlAsync(mops);
        // The browser: the authorization server approves and redirects to the CLI's loopback callback.
        using var response = await _browser.GetAsync(url, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, mops.StandardOutput, mops.StandardError, page);
    }

    private static async Task<Uri> AuthorizeUrlAsync(MopsProcess mops)
    {
        await mops.WaitForOutputAsync("/i/oauth2/authorize?", TimeSpan.FromSeconds(60));
        var line = mops.StandardError.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/i/oauth2/authorize?", StringComparison.Ordinal));
        return new Uri(line);
    }

    private void WriteClientFolder()
    {
        Directory.CreateDirectory(_home);
        var plugins = new
        {
            plugins = new[]
            {
                new
                {
                    id = "x",
                    settings = new { apiBaseUrl = _x.BaseUrl.ToString(), oauth2TokenUrl = _x.TokenUrl.ToString(), oauth2AuthorizeUrl = _x.AuthorizeUrl.ToString(), oauth2ClientId = ClientId, readRetries = 0 },
                    accounts = new[] { new { name = "brand", timeZone = "UTC", settings = new { handle = "acme_brand" } } },
                },
            },
        };
        File.WriteAllText(Path.Combine(_home, "plugins.json"), JsonSerializer.Serialize(plugins));
    }
}
