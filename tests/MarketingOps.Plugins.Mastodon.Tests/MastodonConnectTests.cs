using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>
/// Connecting Mastodon accounts through Prism with the Mastodon OpenAPI document: the app is registered once per
/// instance and reused, the code is exchanged with the PKCE verifier (the fake instance checks it against the
/// challenge of the authorize URL), and the token is verified with verify_credentials before it is kept.
/// </summary>
public sealed class MastodonConnectTests(MastodonPrismFixture peers) : IClassFixture<MastodonPrismFixture>
{
    private const string AccessToken = MastodonOAuthInstance.AccessToken;
    private static readonly Uri Redirect = new("http://127.0.0.1:48200/callback");

    private readonly MastodonOAuthInstance _instance = new(Path.Combine(AppContext.BaseDirectory, "TestData"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoAccountsOnOneInstance_RegisterTheAppOnce_ExchangeWithTheVerifier_AndStoreAVerifiedToken()
    {
        var prism = Start();
        var observer = new ViolationObserver();
        var (platform, secrets) = Create(prism, observer);
        var connector = (IAccountConnector)platform;

        foreach (var account in new[] { "brand", "brand-eu" })
        {
            var (verifier, challenge) = Pkce();
            var url = await connector.BeginAuthorizationAsync(new AuthorizationStart(account, new Uri($"http://127.0.0.1:{48200 + account.Length}/callback"), "st-" + account, challenge), Token);
            var query = HttpUtility.ParseQueryString(url.Query);
            Assert.Equal(new Uri(prism, "oauth/authorize").AbsoluteUri, url.GetLeftPart(UriPartial.Path));
            Assert.Equal(("code", "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM", "write:statuses write:media read:statuses read:accounts", "S256", "st-" + account),
                (query["response_type"], query["client_id"], query["scope"], query["code_challenge_method"], query["state"]));
            _instance.Challenge = query["code_challenge"];

            var connection = await connector.CompleteAuthorizationAsync(new AuthorizationCallback(account, new Uri(query["redirect_uri"]!), "the-code", verifier), Token);

            Assert.True(connection.State == ConnectionState.Connected, $"{connection.State}: {connection.Detail}; {string.Join(", ", observer.Exchanges.Select(e => $"{e.Url} {e.Status} {e.Violations}"))}");
            Assert.Equal($"brand@{prism.Host}", connection.Handle);
            Assert.Equal(["read", "write", "follow", "push"], connection.Scopes);
            Assert.Null(connection.ExpiresAt);
            Assert.Equal(AccessToken, secrets.GetSecret($"mastodon/{account}/access-token"));
        }

        // One registration for the instance, reused by the second account (its loopback redirect differs only by port).
        var registration = Assert.Single(peers.Fake.Requests, r => r.Path == "/api/v1/apps");
        using (var body = JsonDocument.Parse(registration.BodyText))
        {
            Assert.Equal("MarketingOps", body.RootElement.GetProperty("client_name").GetString());
            Assert.Equal("write:statuses write:media read:statuses read:accounts", body.RootElement.GetProperty("scopes").GetString());
        }

        Assert.Equal(2, peers.Fake.Requests.Count(r => r.Path == "/oauth/token"));
        Assert.Equal(ConnectionState.Connected, (await connector.VerifyConnectionAsync("brand", Token)).State);
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task AWrongVerifier_IsRefused_AndNothingIsStored()
    {
        var prism = Start();
        var observer = new ViolationObserver();
        var (platform, secrets) = Create(prism, observer);
        var connector = (IAccountConnector)platform;
        var (_, challenge) = Pkce();
        var (otherVerifier, _) = Pkce();
        var url = await connector.BeginAuthorizationAsync(new AuthorizationStart("brand", Redirect, "s", challenge), Token);
        _instance.Challenge = HttpUtility.ParseQueryString(url.Query)["code_challenge"];

        var connection = await connector.CompleteAuthorizationAsync(new AuthorizationCallback("brand", Redirect, "the-code", otherVerifier), Token);

        Assert.Equal(ConnectionState.NotConnected, connection.State);
        Assert.Contains("invalid_grant", connection.Detail, StringComparison.Ordinal);
        Assert.Null(secrets.GetSecret("mastodon/brand/access-token"));
        Assert.DoesNotContain(peers.Fake.Requests, r => r.Path == "/api/v1/accounts/verify_credentials");
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task Verify_WhenTheInstanceRefusesTheToken_SaysRevoked()
    {
        var prism = Start();
        var (platform, _) = Create(prism, null, new Dictionary<string, string> { ["mastodon/brand/access-token"] = AccessToken, ["mastodon/brand/scopes"] = "read write" });
        _instance.Revoked = true;

        var connection = await ((IAccountConnector)platform).VerifyConnectionAsync("brand", Token);

        Assert.Equal(ConnectionState.Revoked, connection.State);
        Assert.Equal(["read", "write"], connection.Scopes);
        Assert.DoesNotContain(AccessToken, connection.Detail, StringComparison.Ordinal);
    }

    private Uri Start()
    {
        var prism = peers.RequirePrism();
        peers.Fake.Clear();
        peers.Fake.Handler = _instance.Answer;
        return prism;
    }

    private static (IPlatform Platform, DictionarySecretStore Secrets) Create(Uri instance, ViolationObserver? observer, Dictionary<string, string>? stored = null)
    {
        var registrar = new TestRegistrar(
            "mastodon",
            new Dictionary<string, string?> { ["requestTimeoutSeconds"] = "10", ["retries"] = "0" },
            [("brand", new Dictionary<string, string?> { ["instanceUrl"] = instance.ToString() }), ("brand-eu", new Dictionary<string, string?> { ["instanceUrl"] = instance.ToString() })],
            stored ?? []);
        var (settings, problems) = MastodonSettings.Read(registrar.Settings);
        Assert.Empty(problems);
        var platform = new MastodonPlatform(settings, registrar.Accounts, registrar.WritableSecrets, registrar.LoggerFactory, registrar.Clock, observer is null ? null : observer.CreateHandler);
        return (platform, (DictionarySecretStore)registrar.WritableSecrets);
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (verifier, MastodonOAuthInstance.ChallengeOf(verifier));
    }
}
