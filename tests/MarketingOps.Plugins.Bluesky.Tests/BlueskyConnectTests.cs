using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>Connecting an account on the real PDS: an app password is checked with createSession and kept encrypted; the main password is refused.</summary>
public sealed class BlueskyConnectTests(PdsFixture pds) : IClassFixture<PdsFixture>
{
    private const string Account = BlueskyTestHarness.Account;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WithAnAppPassword_StoresItAndTheHandle_ThenPublishesWithIt()
    {
        var url = pds.Require();
        var appPassword = await pds.CreateAppPasswordAsync(pds.Poster, "connect-" + Guid.NewGuid().ToString("N")[..8]);
        var logs = new CapturingLoggerFactory();
        var (platform, secrets) = Create(url, handle: null, logs);
        using var disposable = (IDisposable)platform;
        var connector = (IAccountConnector)platform;
        Assert.Equal(ConnectionState.NotConnected, connector.DescribeConnection(Account).State);

        var connection = await connector.SignInWithPasswordAsync(new PasswordSignIn(Account, "@" + pds.Poster.Handle, appPassword), Token);

        Assert.Equal(ConnectionState.Connected, connection.State);
        Assert.Equal(pds.Poster.Handle, connection.Handle);
        Assert.Equal(["com.atproto.appPass"], connection.Scopes);
        Assert.True(connection.ExpiresAt > TimeProvider.System.GetUtcNow());
        Assert.Equal(appPassword, secrets.GetSecret($"bluesky/{Account}/app-password"));
        Assert.Equal(pds.Poster.Handle, secrets.GetSecret($"bluesky/{Account}/handle"));
        Assert.Equal(ConnectionState.Unverified, connector.DescribeConnection(Account).State);

        // A fresh plugin instance (a restart) signs in with what connect stored, though plugins.json names no handle.
        var (restarted, _) = Create(url, handle: null, logs, Stored(secrets));
        using var disposable2 = (IDisposable)restarted;
        var published = await restarted.PublishAsync(BlueskyTestHarness.Request(new PostDraft("Posted by a connected account")), Token);
        Assert.Null(published.Error);
        Assert.NotNull(await pds.GetRecordAsync(published.Post!.Id));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(appPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithTheMainPassword_IsRefusedAndStoresNothing()
    {
        var url = pds.Require();
        var (platform, secrets) = Create(url, pds.Poster.Handle);
        using var disposable = (IDisposable)platform;

        var connection = await ((IAccountConnector)platform).SignInWithPasswordAsync(new PasswordSignIn(Account, pds.Poster.Handle, pds.Poster.Password), Token);

        Assert.Equal(ConnectionState.NotConnected, connection.State);
        Assert.Contains("main password", connection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(pds.Poster.Password, connection.Detail, StringComparison.Ordinal);
        Assert.Null(secrets.GetSecret($"bluesky/{Account}/app-password"));
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_IsRevokedAndStoresNothing()
    {
        var url = pds.Require();
        var (platform, secrets) = Create(url, pds.Poster.Handle);
        using var disposable = (IDisposable)platform;

        var connection = await ((IAccountConnector)platform).SignInWithPasswordAsync(new PasswordSignIn(Account, pds.Poster.Handle, "abcd-efgh-ijkl-mnop"), Token);

        Assert.NotEqual(ConnectionState.Connected, connection.State);
        Assert.DoesNotContain("abcd-efgh-ijkl-mnop", connection.Detail, StringComparison.Ordinal);
        Assert.Null(secrets.GetSecret($"bluesky/{Account}/app-password"));
    }

    [Fact]
    public async Task Verify_AfterTheAppPasswordIsRevoked_SaysRevoked()
    {
        var url = pds.Require();
        var name = "revoke-" + Guid.NewGuid().ToString("N")[..8];
        var appPassword = await pds.CreateAppPasswordAsync(pds.Friend, name);
        var (platform, secrets) = Create(url, pds.Friend.Handle);
        using var disposable = (IDisposable)platform;
        var connector = (IAccountConnector)platform;
        Assert.Equal(ConnectionState.Connected, (await connector.SignInWithPasswordAsync(new PasswordSignIn(Account, pds.Friend.Handle, appPassword), Token)).State);

        await pds.RevokeAppPasswordAsync(pds.Friend, name);
        // A fresh instance holds no session, so the check signs in with the stored (now revoked) app password.
        var (later, _) = Create(url, pds.Friend.Handle, stored: Stored(secrets));
        using var disposable2 = (IDisposable)later;
        var verified = await ((IAccountConnector)later).VerifyConnectionAsync(Account, Token);

        Assert.Equal(ConnectionState.Revoked, verified.State);
        Assert.Contains("mops accounts connect", verified.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(appPassword, verified.Detail, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Stored(DictionarySecretStore secrets) => new()
    {
        [$"bluesky/{Account}/app-password"] = secrets.GetSecret($"bluesky/{Account}/app-password")!,
        [$"bluesky/{Account}/handle"] = secrets.GetSecret($"bluesky/{Account}/handle")!,
    };

    private static (IPlatform Platform, DictionarySecretStore Secrets) Create(Uri url, string? handle, CapturingLoggerFactory? logs = null, Dictionary<string, string>? stored = null)
    {
        var settings = new Dictionary<string, string?> { ["serviceUrl"] = url.ToString(), ["appViewUrl"] = "http://127.0.0.1:9/", ["retries"] = "1" };
        var accountSettings = new Dictionary<string, string?>();
        if (handle is not null)
        {
            accountSettings["handle"] = handle;
        }

        var registrar = new TestRegistrar("bluesky", settings, [(Account, accountSettings)], stored ?? [], logs);
        new BlueskyEntryPoint().Register(registrar);
        return (registrar.Platform, (DictionarySecretStore)registrar.WritableSecrets);
    }
}
