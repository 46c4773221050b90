using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>
/// Connects a Mastodon account: the app is registered on the account's instance once (<c>POST /api/v1/apps</c>) and
/// reused by every account there, then the authorization code flow with PKCE; the token is checked with
/// <c>verify_credentials</c> before it is kept. Mastodon tokens do not expire; they are revoked.
/// </summary>
internal sealed class MastodonConnector(
    MastodonSettings settings,
    IReadOnlyDictionary<string, MastodonAccount> accounts,
    MastodonSender send,
    Func<HttpClient> tokenClient,
    ISecretStore secrets,
    SecretRedactor redactor,
    TimeProvider clock)
{
    /// <summary>Posting statuses and media, reading them back (lookup, metrics) and the account itself.</summary>
    public const string Scopes = "write:statuses write:media read:statuses read:accounts";

    public async Task<Uri> BeginAsync(AuthorizationStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var account = Find(start.Account);
        var app = await AppAsync(account, start.RedirectUri, cancellationToken);
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = start.RedirectUri.AbsoluteUri,
            ["scope"] = Scopes,
            ["state"] = start.State,
            ["code_challenge"] = start.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        return new Uri(new Uri(account.InstanceUrl, "oauth/authorize") + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
    }

    public async Task<AccountConnection> CompleteAsync(AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var account = Find(callback.Account);
        if (secrets is not IWritableSecretStore writable)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = "This host cannot store secrets for the Mastodon plugin." };
        }

        var app = StoredApp(account) ?? throw new InvalidOperationException($"The app registration for {account.InstanceUrl} is gone; start the connection again.");
        redactor.Remember(callback.Code);
        redactor.Remember(callback.CodeVerifier);
        var answer = await TokenEndpoint.RequestAsync(
            tokenClient(),
            new Uri(account.InstanceUrl, "oauth/token"),
            [new("grant_type", "authorization_code"), new("code", callback.Code), new("redirect_uri", callback.RedirectUri.AbsoluteUri), new("code_verifier", callback.CodeVerifier), new("scope", Scopes)],
            app.ClientId,
            app.ClientSecret,
            TokenRequestStyle.JsonWithSecretInBody,
            redactor,
            clock,
            cancellationToken);
        if (!answer.Succeeded)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"{account.InstanceUrl.Host} did not exchange the authorization code ({answer.Error}); nothing was stored." };
        }

        // Checked before it is kept: a token that cannot read its own account is no connection.
        var (me, error) = await VerifyTokenAsync(account, answer.AccessToken!, cancellationToken);
        if (me.State != ConnectionState.Connected)
        {
            return me with { State = ConnectionState.NotConnected, Detail = $"{me.Detail ?? error}; nothing was stored." };
        }

        writable.SetSecret(AccessTokenSecret(account.Name), answer.AccessToken!);
        writable.SetSecret($"mastodon/{account.Name}/scopes", answer.Scope ?? Scopes);
        writable.SetSecret($"mastodon/{account.Name}/handle", me.Handle ?? "");
        return me with { Scopes = answer.Scopes.Count > 0 ? answer.Scopes : Scopes.Split(' ') };
    }

    public AccountConnection Describe(string name)
    {
        if (!accounts.TryGetValue(name, out var account))
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"'{name}' is not a Mastodon account of plugins.json." };
        }

        var token = secrets.GetSecret(AccessTokenSecret(account.Name));
        redactor.Remember(token);
        return token is null
            ? new AccountConnection(ConnectionState.NotConnected) { Detail = $"No access token is stored; run `mops accounts connect {name}`." }
            : new AccountConnection(ConnectionState.Unverified)
            {
                Handle = secrets.GetSecret($"mastodon/{account.Name}/handle") is { Length: > 0 } handle ? handle : null,
                Scopes = (secrets.GetSecret($"mastodon/{account.Name}/scopes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Detail = "not checked",
            };
    }

    public async Task<AccountConnection> VerifyAsync(string name, CancellationToken cancellationToken)
    {
        var stored = Describe(name);
        if (stored.State == ConnectionState.NotConnected || !accounts.TryGetValue(name, out var account))
        {
            return stored;
        }

        var (checkedNow, _) = await VerifyTokenAsync(account, secrets.GetSecret(AccessTokenSecret(account.Name))!, cancellationToken);
        return checkedNow with { Scopes = stored.Scopes, Handle = checkedNow.Handle ?? stored.Handle };
    }

    public static string AccessTokenSecret(string account) => $"mastodon/{account}/access-token";

    /// <summary>GET /api/v1/accounts/verify_credentials with a token: connected with the handle, revoked on 401, unverified when unreachable.</summary>
    private async Task<(AccountConnection Connection, string? Error)> VerifyTokenAsync(MastodonAccount account, string token, CancellationToken cancellationToken)
    {
        redactor.Remember(token);
        var (response, error) = await send(account, HttpMethod.Get, "api/v1/accounts/verify_credentials", null, cancellationToken, r => r.Headers.Authorization = new("Bearer", token), authenticate: false);
        if (response is { IsSuccess: true })
        {
            using var json = JsonDocument.Parse(response.Body);
            var username = json.RootElement.TryGetProperty("username", out var u) ? u.GetString() : null;
            if (json.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } accountId)
            {
                account.AccountId ??= accountId;
            }

            return (new AccountConnection(ConnectionState.Connected) { Handle = username is null ? null : $"{username}@{account.InstanceUrl.Host}", Detail = "checked with verify_credentials" }, null);
        }

        if (response is { Status: 401 or 403 })
        {
            return (new AccountConnection(ConnectionState.Revoked) { Detail = $"{account.InstanceUrl.Host} refuses the stored token (revoked in the account's settings, or the app was removed); run `mops accounts connect {account.Name}`" }, "refused");
        }

        var why = error?.Message ?? $"verify_credentials answered {response!.Status}";
        return (new AccountConnection(ConnectionState.Unverified) { Detail = $"{account.InstanceUrl.Host} could not be checked: {redactor.Redact(why)}" }, why);
    }

    /// <summary>The instance's app registration: the stored one when it covers the redirect URI, else a new one (stored for reuse).</summary>
    private async Task<MastodonApp> AppAsync(MastodonAccount account, Uri redirectUri, CancellationToken cancellationToken)
    {
        if (StoredApp(account) is { } stored && stored.Covers(redirectUri))
        {
            return stored;
        }

        var redirects = (StoredApp(account)?.RedirectUris ?? []).Append(redirectUri.AbsoluteUri).Distinct(StringComparer.Ordinal).ToList();
        var body = new JsonObject
        {
            ["client_name"] = settings.ClientName,
            ["redirect_uris"] = new JsonArray([.. redirects.Select(r => JsonValue.Create(r))]),
            ["scopes"] = Scopes,
        };
        var (response, error) = await send(account, HttpMethod.Post, "api/v1/apps", () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken, null, authenticate: false);
        if (response is not { IsSuccess: true })
        {
            throw new InvalidOperationException($"{account.InstanceUrl.Host} did not register the app ({error?.Message ?? $"POST /api/v1/apps answered {response!.Status}: {redactor.Redact(Shorten(response.Body))}"})");
        }

        using var json = JsonDocument.Parse(response.Body);
        var clientId = json.RootElement.GetProperty("client_id").GetString()!;
        var clientSecret = json.RootElement.GetProperty("client_secret").GetString()!;
        redactor.Remember(clientSecret);
        var app = new MastodonApp(clientId, clientSecret, redirects);
        if (secrets is IWritableSecretStore writable)
        {
            var prefix = AppPrefix(account);
            writable.SetSecret(prefix + "client-id", clientId);
            writable.SetSecret(prefix + "client-secret", clientSecret);
            writable.SetSecret(prefix + "redirect-uris", string.Join(' ', redirects));
        }

        return app;
    }

    private MastodonApp? StoredApp(MastodonAccount account)
    {
        var prefix = AppPrefix(account);
        var id = secrets.GetSecret(prefix + "client-id");
        var secret = secrets.GetSecret(prefix + "client-secret");
        redactor.Remember(secret);
        return id is null || secret is null
            ? null
            : new MastodonApp(id, secret, (secrets.GetSecret(prefix + "redirect-uris") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // One registration per instance, shared by its accounts: mastodon/apps/<host>[_<port>]/…
    private static string AppPrefix(MastodonAccount account) =>
        $"mastodon/apps/{account.InstanceUrl.Host}{(account.InstanceUrl.IsDefaultPort ? "" : "_" + account.InstanceUrl.Port)}/";

    private MastodonAccount Find(string name) => accounts.TryGetValue(name, out var account)
        ? account
        : throw new InvalidOperationException($"'{name}' is not a Mastodon account of plugins.json.");

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
