using System.Text;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>
/// Connects a Bluesky account with its handle and an app password: <c>com.atproto.server.createSession</c> proves the
/// pair works, then the app password (never the account's main password) is stored encrypted for later sign-ins.
/// </summary>
internal sealed class BlueskyConnector(
    IReadOnlyDictionary<string, BlueskyAccount> accounts,
    XrpcSender send,
    ISecretStore secrets,
    SecretRedactor redactor,
    TimeProvider clock)
{
    /// <summary>The scope a PDS gives a session opened with an app password; the main password gets <c>com.atproto.access</c>.</summary>
    public const string AppPasswordScope = "com.atproto.appPass";

    private const string MainPasswordScope = "com.atproto.access";

    public static string PasswordSecret(string account) => $"bluesky/{account}/app-password";

    public static string HandleSecret(string account) => $"bluesky/{account}/handle";

    public async Task<AccountConnection> SignInAsync(PasswordSignIn signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (!accounts.TryGetValue(signIn.Account, out var account))
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"'{signIn.Account}' is not a Bluesky account of plugins.json." };
        }

        if (secrets is not IWritableSecretStore writable)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = "This host cannot store secrets for the Bluesky plugin." };
        }

        var identifier = signIn.Identifier.Trim().TrimStart('@');
        redactor.Remember(signIn.Password);
        var (session, connection) = await CreateSessionAsync(account, identifier, signIn.Password, cancellationToken);
        if (session is null)
        {
            return connection;
        }

        if (JwtClaims.Read(session.AccessJwt).Scope == MainPasswordScope)
        {
            // Storing the main password would hand the host the whole account: only an app password is kept.
            return new AccountConnection(ConnectionState.NotConnected)
            {
                Handle = session.Handle,
                Detail = "That is the account's main password. Create an app password (Bluesky: Settings → Privacy and security → App passwords) and connect with it; nothing was stored.",
            };
        }

        writable.SetSecret(PasswordSecret(account.Name), signIn.Password);
        writable.SetSecret(HandleSecret(account.Name), session.Handle.Length > 0 ? session.Handle : identifier);
        account.LoginIdentifier = session.Handle.Length > 0 ? session.Handle : identifier;
        account.Session = session;
        return connection;
    }

    public AccountConnection Describe(string name)
    {
        if (!accounts.TryGetValue(name, out var account))
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"'{name}' is not a Bluesky account of plugins.json." };
        }

        var password = secrets.GetSecret(PasswordSecret(account.Name));
        redactor.Remember(password);
        return password is null
            ? new AccountConnection(ConnectionState.NotConnected) { Handle = account.Identifier, Detail = $"No app password is stored; run `mops accounts connect {account.Name}`." }
            : new AccountConnection(ConnectionState.Unverified)
            {
                Handle = LoginIdentifier(account),
                Scopes = [AppPasswordScope],
                Renewable = true,
                Detail = "not checked",
            };
    }

    public async Task<AccountConnection> VerifyAsync(string name, CancellationToken cancellationToken)
    {
        if (!accounts.TryGetValue(name, out var account))
        {
            return Describe(name);
        }

        if (account.Session is { } cached)
        {
            // A session this process holds: com.atproto.server.getSession costs no login.
            var (response, error) = await send(account, HttpMethod.Get, "com.atproto.server.getSession", null, cached.AccessJwt, cancellationToken);
            if (response is { IsSuccess: true })
            {
                return Connected(cached, "checked with com.atproto.server.getSession");
            }

            if (error is not null)
            {
                return Unreachable(account, error);
            }
        }

        var password = secrets.GetSecret(PasswordSecret(account.Name));
        var identifier = LoginIdentifier(account);
        redactor.Remember(password);
        if (password is null || identifier is null)
        {
            return Describe(name);
        }

        var (session, connection) = await CreateSessionAsync(account, identifier, password, cancellationToken);
        if (session is not null)
        {
            account.Session = session;
        }

        return connection;
    }

    /// <summary>The login the plugin uses: what the last connect stored, else the handle of plugins.json.</summary>
    public string? LoginIdentifier(BlueskyAccount account) =>
        account.LoginIdentifier ??= secrets.GetSecret(HandleSecret(account.Name)) ?? account.Identifier;

    private async Task<(BlueskySession? Session, AccountConnection Connection)> CreateSessionAsync(
        BlueskyAccount account, string identifier, string password, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["identifier"] = identifier, ["password"] = password };
        var (response, error) = await send(
            account, HttpMethod.Post, "com.atproto.server.createSession", () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), null, cancellationToken);
        if (error is not null || response is null)
        {
            return (null, Unreachable(account, error));
        }

        if (response.IsSuccess && BlueskySession.Parse(response.Body, redactor) is { } session)
        {
            return (session, Connected(session, "signed in with com.atproto.server.createSession"));
        }

        var failure = BlueskyErrors.FromResponse(response.Status, response.Headers, response.Body, clock.GetUtcNow(), redactor);
        var state = failure.Kind == PlatformErrorKind.Unauthorized ? ConnectionState.Revoked : ConnectionState.Unverified;
        var detail = state == ConnectionState.Revoked
            ? $"Bluesky refused the handle '{identifier}' with the stored app password ({failure.Code ?? "401"}): it was revoked, or the handle changed. Create a new app password and run `mops accounts connect {account.Name}`."
            : failure.Message;
        return (null, new AccountConnection(state) { Handle = identifier, Scopes = [AppPasswordScope], Renewable = true, Detail = detail });
    }

    private static AccountConnection Connected(BlueskySession session, string how)
    {
        var (scope, expires) = JwtClaims.Read(session.AccessJwt);
        return new AccountConnection(ConnectionState.Connected)
        {
            Handle = session.Handle,
            Scopes = scope is null ? [] : [scope],
            ExpiresAt = expires,
            Renewable = true,
            Detail = how,
        };
    }

    private AccountConnection Unreachable(BlueskyAccount account, PlatformError? error) =>
        new(ConnectionState.Unverified)
        {
            Handle = LoginIdentifier(account),
            Scopes = [AppPasswordScope],
            Renewable = true,
            Detail = $"Bluesky could not be reached at {account.ServiceUrl}: {error?.Message ?? "no answer"}",
        };
}
