using System.Security.Cryptography;
using System.Text;
using System.Web;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.X.Tests.Auth;

/// <summary>
/// Connecting an X account against a local authorization server that checks the PKCE verifier and rotates refresh
/// tokens (a reused one is refused): the code is exchanged with the verifier, and every rotated token survives a restart.
/// </summary>
public sealed class XConnectTests : IDisposable
{
    private const string Account = "brand";
    private const string ClientId = "client-abc";
    private static readonly Uri Redirect = new("http://127.0.0.1:48123/callback");

    private readonly FakeOAuthServer _server = new(ClientId);
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly CapturingLoggerFactory _logs = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_ExchangesTheCodeWithTheVerifier_AndStoresTokensScopesAndExpiry()
    {
        var (platform, secrets) = Create();
        var (verifier, challenge) = Pkce();
        var connector = (IAccountConnector)platform;
        Assert.Equal(AccountSignIn.Browser, connector.SignIn);

        var url = await connector.BeginAuthorizationAsync(new AuthorizationStart(Account, Redirect, "state-1", challenge), Token);
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(("code", ClientId, Redirect.AbsoluteUri, "tweet.read tweet.write users.read offline.access", "S256", challenge, "state-1"),
            (query["response_type"], query["client_id"], query["redirect_uri"], query["scope"], query["code_challenge_method"], query["code_challenge"], query["state"]));
        var code = await ApproveAsync(url, "state-1");

        var connection = await connector.CompleteAuthorizationAsync(new AuthorizationCallback(Account, Redirect, code, verifier), Token);

        Assert.Equal(ConnectionState.Connected, connection.State);
        Assert.Equal("acme_brand", connection.Handle);
        Assert.Equal(["tweet.read", "tweet.write", "users.read", "offline.access"], connection.Scopes);
        Assert.True(connection.Renewable);
        Assert.InRange(connection.ExpiresAt!.Value, TimeProvider.System.GetUtcNow().AddMinutes(110), TimeProvider.System.GetUtcNow().AddMinutes(121));
        Assert.True(_server.IsLiveAccessToken(secrets.GetSecret($"x/{Account}/access-token")!));
        Assert.NotNull(secrets.GetSecret($"x/{Account}/refresh-token"));
        Assert.Equal(ClientId, secrets.GetSecret($"x/{Account}/client-id"));
        Assert.Empty(_server.Refusals);
        AssertNoSecretIn(secrets, connection.ToString(), string.Join('\n', _logs.Entries));
    }

    [Fact]
    public async Task Connect_WithAnotherVerifier_IsRefusedByThePkceCheck_AndStoresNothing()
    {
        var (platform, secrets) = Create();
        var (_, challenge) = Pkce();
        var (otherVerifier, _) = Pkce();
        var connector = (IAccountConnector)platform;
        var code = await ApproveAsync(await connector.BeginAuthorizationAsync(new AuthorizationStart(Account, Redirect, "s", challenge), Token), "s");

        var connection = await connector.CompleteAuthorizationAsync(new AuthorizationCallback(Account, Redirect, code, otherVerifier), Token);

        Assert.Equal(ConnectionState.NotConnected, connection.State);
        Assert.Contains("PKCE verification failed", connection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(code, connection.Detail, StringComparison.Ordinal);
        Assert.Null(secrets.GetSecret($"x/{Account}/access-token"));
    }

    [Fact]
    public async Task RotatedRefreshTokens_ArePersisted_SoARestartedPluginRefreshesAgain()
    {
        var (platform, secrets) = Create();
        await ConnectAsync(platform);
        var firstRefresh = secrets.GetSecret($"x/{Account}/refresh-token");

        _server.ExpireAccessTokens();
        var first = await ((IAccountConnector)platform).VerifyConnectionAsync(Account, Token);
        Assert.Equal(ConnectionState.Connected, first.State);
        Assert.NotEqual(firstRefresh, secrets.GetSecret($"x/{Account}/refresh-token"));

        // A restart reads only what was stored: with the spent refresh token, X would answer invalid_grant.
        var (restarted, _) = Create(secrets.Snapshot());
        _server.ExpireAccessTokens();
        var second = await ((IAccountConnector)restarted).VerifyConnectionAsync(Account, Token);

        Assert.Equal(ConnectionState.Connected, second.State);
        Assert.Equal(2, _server.Refreshes);
        Assert.Empty(_server.Refusals);
    }

    [Fact]
    public async Task Verify_AfterTheUserRevokedTheApp_SaysRevoked_AndNeverShowsATokens()
    {
        var (platform, secrets) = Create();
        await ConnectAsync(platform);
        _server.RevokeAll();

        var connection = await ((IAccountConnector)platform).VerifyConnectionAsync(Account, Token);

        Assert.Equal(ConnectionState.Revoked, connection.State);
        Assert.Contains("mops accounts connect brand", connection.Detail, StringComparison.Ordinal);
        AssertNoSecretIn(secrets, connection.Detail!, string.Join('\n', _logs.Entries));
    }

    [Fact]
    public void Describe_WithoutCredentials_IsNotConnected_AndBeginWithoutAClientId_SaysWhereToSetIt()
    {
        var (platform, _) = Create(clientId: null);
        var connector = (IAccountConnector)platform;

        Assert.Equal(ConnectionState.NotConnected, connector.DescribeConnection(Account).State);
        var e = Assert.Throws<InvalidOperationException>(() => connector.BeginAuthorizationAsync(new AuthorizationStart(Account, Redirect, "s", new string('a', 43)), Token).GetAwaiter().GetResult());
        Assert.Contains("oauth2ClientId", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _browser.Dispose();
        _server.Dispose();
    }

    private async Task ConnectAsync(IPlatform platform)
    {
        var (verifier, challenge) = Pkce();
        var connector = (IAccountConnector)platform;
        var code = await ApproveAsync(await connector.BeginAuthorizationAsync(new AuthorizationStart(Account, Redirect, "s", challenge), Token), "s");
        Assert.Equal(ConnectionState.Connected, (await connector.CompleteAuthorizationAsync(new AuthorizationCallback(Account, Redirect, code, verifier), Token)).State);
    }

    /// <summary>The browser: follows the authorize URL, and reads the code and state off the redirect.</summary>
    private async Task<string> ApproveAsync(Uri authorizeUrl, string state)
    {
        using var response = await _browser.GetAsync(authorizeUrl, Token);
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Redirect.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(state, query["state"]);
        return query["code"]!;
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (verifier, challenge);
    }

    private static void AssertNoSecretIn(DictionarySecretStore secrets, params string[] texts)
    {
        foreach (var name in new[] { "access-token", "refresh-token" })
        {
            if (secrets.GetSecret($"x/{Account}/{name}") is { } value)
            {
                Assert.All(texts, t => Assert.DoesNotContain(value, t, StringComparison.Ordinal));
            }
        }
    }

    private (IPlatform Platform, DictionarySecretStore Secrets) Create(Dictionary<string, string>? stored = null, string? clientId = ClientId)
    {
        var settings = new Dictionary<string, string?>
        {
            ["apiBaseUrl"] = _server.BaseUrl.ToString(),
            ["oauth2TokenUrl"] = _server.TokenUrl.ToString(),
            ["oauth2AuthorizeUrl"] = _server.AuthorizeUrl.ToString(),
            ["oauth2ClientId"] = clientId,
            ["readRetries"] = "0",
        };
        var registrar = new TestRegistrar("x", settings, [(Account, new Dictionary<string, string?> { ["handle"] = "acme_brand" })], stored ?? [], _logs);
        new XEntryPoint().Register(registrar);
        return (registrar.Platform, (DictionarySecretStore)registrar.WritableSecrets);
    }
}
