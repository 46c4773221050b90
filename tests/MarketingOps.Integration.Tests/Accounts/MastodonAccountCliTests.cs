using System.Text;
using System.Text.Json;
using System.Web;
using MarketingOps.Host.Tests;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Integration.Tests.Accounts;

/// <summary>
/// Issue 16: <c>mops accounts connect</c> for Mastodon through the real executable, every API call through Prism with
/// the Mastodon OpenAPI document: the app is registered on the instance, the code the instance hands the CLI's loopback
/// callback is exchanged with the CLI's PKCE verifier (the fake checks it against the authorize URL's challenge), the
/// token is verified with verify_credentials, and it is stored encrypted.
/// </summary>
public sealed class MastodonAccountCliTests(MastodonPeers peers) : IClassFixture<MastodonPeers>, IDisposable
{
    private const string AccessToken = MastodonOAuthInstance.AccessToken;
    private const string ClientSecret = MastodonOAuthInstance.ClientSecret;

    private readonly string _home = Path.Combine(Path.GetTempPath(), "mops-accounts", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _browser = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly MastodonOAuthInstance _instance = new(Path.Combine(AppContext.BaseDirectory, "TestData", "Mastodon"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_RegistersTheApp_ExchangesTheCodeWithTheVerifier_VerifiesAndStoresTheTokenEncrypted()
    {
        var prism = peers.RequirePrism();
        peers.Fake.Clear();
        peers.Fake.Handler = _instance.Answer;
        WriteClientFolder(prism);

        using var mops = MopsProcess.Start(_home, "accounts", "connect", "brand", "--no-browser", "--timeout", "60s", "--json");
        await mops.WaitForOutputAsync("/oauth/authorize?", TimeSpan.FromSeconds(60));
        var url = new Uri(mops.StandardError.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/oauth/authorize?", StringComparison.Ordinal)));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(new Uri(prism, "oauth/authorize").AbsoluteUri, url.GetLeftPart(UriPartial.Path));
        Assert.Equal(("code", "S256"), (query["response_type"], query["code_challenge_method"]));
        _instance.Challenge = query["code_challenge"];

        // The person approves on the instance's page, which sends the browser back to the CLI's loopback callback.
        using var callback = await _browser.GetAsync(new Uri($"{query["redirect_uri"]}?code=the-code&state={Uri.EscapeDataString(query["state"]!)}"), Token);
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, mops.StandardError + string.Join("; ", peers.Fake.Requests.Select(r => $"{r.Method} {r.Path}")));
        using (var connected = JsonDocument.Parse(mops.StandardOutput))
        {
            Assert.Equal("connected", connected.RootElement.GetProperty("state").GetString());
            Assert.Equal($"brand@{prism.Host}", connected.RootElement.GetProperty("handle").GetString());
        }

        Assert.Equal(["/api/v1/apps", "/oauth/token", "/api/v1/accounts/verify_credentials"], peers.Fake.Requests.Select(r => r.Path).Distinct());
        var list = await MopsProcess.RunAsync(_home, "accounts", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Err);
        using (var listed = JsonDocument.Parse(list.Out))
        {
            Assert.Equal("connected", listed.RootElement.GetProperty("accounts")[0].GetProperty("state").GetString());
        }

        // Stored encrypted: the token and the app's secret appear in no file of the client folder.
        foreach (var file in Directory.EnumerateFiles(_home, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file, Token);
            var text = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(AccessToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _browser.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private void WriteClientFolder(Uri instance)
    {
        Directory.CreateDirectory(_home);
        var plugins = new
        {
            plugins = new[]
            {
                new
                {
                    id = "mastodon",
                    settings = new { requestTimeoutSeconds = 10, retries = 0 },
                    accounts = new[] { new { name = "brand", timeZone = "UTC", settings = new { instanceUrl = instance.ToString() } } },
                },
            },
        };
        File.WriteAllText(Path.Combine(_home, "plugins.json"), JsonSerializer.Serialize(plugins));
    }
}
