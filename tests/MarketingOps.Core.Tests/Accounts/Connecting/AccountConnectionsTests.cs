using MarketingOps.Core.Accounts;
using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Accounts.Connecting;

public sealed class AccountConnectionsTests
{
    private static readonly Uri Redirect = new("http://127.0.0.1:4321/callback");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConnectingPlatform _platform = new("oauthnet", AccountSignIn.Browser);
    private readonly AccountConnections _connections;

    public AccountConnectionsTests()
    {
        var registry = new FakeRegistry()
            .Add(new ClientAccount("brand", "oauthnet", TimeZoneInfo.Utc))
            .Add(new ClientAccount("other", "missing", TimeZoneInfo.Utc))
            .Add(_platform);
        _connections = new AccountConnections(registry, new MarketingOps.Core.Publishing.Holds.AccountHolds(), _time, NullLogger<AccountConnections>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Begin_HandsThePluginTheS256ChallengeOfTheVerifier_AndComplete_HandsItTheVerifier()
    {
        var pending = await _connections.BeginAsync("BRAND", Redirect, Token);
        var start = Assert.Single(_platform.Starts);
        Assert.Equal(Pkce.Challenge(pending.Verifier), start.CodeChallenge);
        Assert.Equal(pending.State, start.State);
        Assert.Equal(Redirect, start.RedirectUri);

        var status = await _connections.CompleteAsync(pending, Query(("code", "the-code"), ("state", pending.State)), Token);

        var callback = Assert.Single(_platform.Callbacks);
        Assert.Equal(("brand", "the-code", pending.Verifier, Redirect), (callback.Account, callback.Code, callback.CodeVerifier, callback.RedirectUri));
        Assert.Equal("connected", status.State);
        Assert.DoesNotContain(pending.Verifier, callback.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_WithAnotherState_IsRefusedBeforeThePluginIsCalled()
    {
        var pending = await _connections.BeginAsync("brand", Redirect, Token);

        var e = await Assert.ThrowsAsync<ConnectionException>(() => _connections.CompleteAsync(pending, Query(("code", "c"), ("state", pending.State + "x")), Token));

        Assert.Contains("state does not match", e.Message, StringComparison.Ordinal);
        Assert.Empty(_platform.Callbacks);
    }

    [Fact]
    public async Task Complete_AfterTenMinutes_IsRefused()
    {
        var pending = await _connections.BeginAsync("brand", Redirect, Token);
        _time.Advance(TimeSpan.FromMinutes(11));

        await Assert.ThrowsAsync<ConnectionException>(() => _connections.CompleteAsync(pending, Query(("code", "c"), ("state", pending.State)), Token));
        Assert.Empty(_platform.Callbacks);
    }

    [Fact]
    public async Task Complete_WhenTheUserDenied_SaysSoWithThePlatformsWords()
    {
        var pending = await _connections.BeginAsync("brand", Redirect, Token);

        var e = await Assert.ThrowsAsync<ConnectionException>(() => _connections.CompleteAsync(
            pending, Query(("error", "access_denied"), ("error_description", "The user said no\u001b[31m"), ("state", pending.State)), Token));

        Assert.Contains("access_denied: The user said no[31m", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_WhenThePlatformRefusesTheCode_IsAnErrorWithItsDetail()
    {
        _platform.Answer = new AccountConnection(ConnectionState.NotConnected) { Detail = "invalid_grant: PKCE verification failed" };
        var pending = await _connections.BeginAsync("brand", Redirect, Token);

        var e = await Assert.ThrowsAsync<ConnectionException>(() => _connections.CompleteAsync(pending, Query(("code", "c"), ("state", pending.State)), Token));

        Assert.Contains("PKCE verification failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_NamesTheConfiguredAccounts_AndInactivePlatforms()
    {
        var unknown = Assert.Throws<ConnectionException>(() => _connections.Find("nope"));
        Assert.True(unknown.UnknownAccount);
        Assert.Contains("brand, other", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'missing' is not active", Assert.Throws<ConnectionException>(() => _connections.Find("other")).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConnectionException>(() => _connections.SignInWithPasswordAsync("brand", "h", "p", Token));
    }

    [Fact]
    public async Task List_ReportsEveryAccount_WithInactivePluginsNamed()
    {
        var list = await _connections.ListAsync(verify: true, Token);

        Assert.Equal([("brand", "connected"), ("other", "inactive")], list.Select(s => (s.Account, s.State)));
        Assert.Equal("unverified", (await _connections.ListAsync(verify: false, Token))[0].State);
    }

    private static Dictionary<string, string?> Query(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => (string?)p.Value);
}
