using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X.Auth;

/// <summary>
/// Connects an X account with OAuth 2.0 authorization code and PKCE: the authorize URL with the scopes posting, reading
/// metrics and refreshing need, the code exchanged with the verifier, the tokens (and their expiry and scopes) stored
/// encrypted. The refresh token X rotates is written back on every refresh by <see cref="XAccountAuth"/>.
/// </summary>
internal sealed class XConnector(
    XSettings settings,
    IReadOnlyDictionary<string, XAccount> accounts,
    Func<XAccount, CancellationToken, Task<(XResponse? Response, PlatformError? Error)>> usersMe,
    Func<HttpClient> tokenClient,
    ISecretStore secrets,
    SecretRedactor redactor,
    TimeProvider clock)
{
    /// <summary>Posting (tweet.write), reading posts and metrics (tweet.read, users.read) and a refresh token (offline.access).</summary>
    public static readonly IReadOnlyList<string> Scopes = ["tweet.read", "tweet.write", "users.read", "offline.access"];

    public Task<Uri> BeginAsync(AuthorizationStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var account = Find(start.Account);
        if (account.Auth.ConfiguredOAuth1)
        {
            throw new InvalidOperationException($"X account '{account.Name}' is set to \"auth\": \"oauth1\" in plugins.json; remove that setting to connect it with OAuth 2.0");
        }

        var clientId = ClientId(account) ?? throw new InvalidOperationException(
            $"X needs your app's OAuth 2.0 client id to connect '{account.Name}': set \"oauth2ClientId\" in the x plugin's settings (or the account's \"clientId\"), from the X developer portal (User authentication settings, type Native App, callback {start.RedirectUri.GetLeftPart(UriPartial.Path)})");
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = start.RedirectUri.AbsoluteUri,
            ["scope"] = string.Join(' ', Scopes),
            ["state"] = start.State,
            ["code_challenge"] = start.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        return Task.FromResult(new Uri(settings.OAuth2AuthorizeUrl + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))));
    }

    public async Task<AccountConnection> CompleteAsync(AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var account = Find(callback.Account);
        var clientId = ClientId(account) ?? throw new InvalidOperationException($"X account '{account.Name}' has no OAuth 2.0 client id any more.");
        if (secrets is not IWritableSecretStore writable)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = "This host cannot store secrets for the X plugin." };
        }

        redactor.Remember(callback.Code);
        redactor.Remember(callback.CodeVerifier);
        var answer = await TokenEndpoint.RequestAsync(
            tokenClient(),
            settings.OAuth2TokenUrl,
            [new("grant_type", "authorization_code"), new("code", callback.Code), new("redirect_uri", callback.RedirectUri.AbsoluteUri), new("code_verifier", callback.CodeVerifier)],
            clientId,
            ClientSecret(account),
            TokenRequestStyle.FormWithBasicSecret,
            redactor,
            clock,
            cancellationToken);
        if (!answer.Succeeded)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"X did not exchange the authorization code ({answer.Error}); nothing was stored." };
        }

        var name = account.Name;
        writable.SetSecret($"x/{name}/access-token", answer.AccessToken!);
        if (answer.RefreshToken is { } refresh)
        {
            writable.SetSecret($"x/{name}/refresh-token", refresh);
        }
        else
        {
            writable.RemoveSecret($"x/{name}/refresh-token");
        }

        writable.SetSecret($"x/{name}/client-id", clientId);
        // An OAuth 1.0a token secret left behind would switch the account back to OAuth 1.0a.
        writable.RemoveSecret($"x/{name}/access-token-secret");
        XAccountAuth.StoreExpiry(writable, name, answer.ExpiresAt);
        writable.SetSecret($"x/{name}/scopes", answer.Scope ?? string.Join(' ', Scopes));
        account.Auth.Reload();
        return await VerifyAsync(name, cancellationToken);
    }

    public AccountConnection Describe(string name)
    {
        if (!accounts.TryGetValue(name, out var account))
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"'{name}' is not an X account of plugins.json." };
        }

        if (!account.Auth.HasCredentials)
        {
            return new AccountConnection(ConnectionState.NotConnected) { Detail = $"No credentials are stored; run `mops accounts connect {name}`." };
        }

        var expires = account.Auth.ExpiresAt;
        var expired = expires is { } at && at <= clock.GetUtcNow() && !account.Auth.CanRefresh;
        return new AccountConnection(expired ? ConnectionState.Expired : ConnectionState.Unverified)
        {
            Handle = account.Handle,
            Scopes = account.Auth.GrantedScopes,
            ExpiresAt = expires,
            Renewable = account.Auth.CanRefresh,
            Detail = expired ? $"The access token expired and no refresh token is stored; run `mops accounts connect {name}`." : "not checked",
        };
    }

    public async Task<AccountConnection> VerifyAsync(string name, CancellationToken cancellationToken)
    {
        var stored = Describe(name);
        if (stored.State == ConnectionState.NotConnected || !accounts.TryGetValue(name, out var account))
        {
            return stored;
        }

        // GET /2/users/me: one read, refreshed once on 401 like every call (X rotates the refresh token; it is stored).
        var expiredBefore = account.Auth.ExpiresAt is { } at && at <= clock.GetUtcNow();
        var (response, error) = await usersMe(account, cancellationToken);
        if (response is { IsSuccess: true })
        {
            return stored with
            {
                State = ConnectionState.Connected,
                Handle = ReadUsername(response.Body) ?? account.Handle,
                ExpiresAt = account.Auth.ExpiresAt,
                Detail = "checked with GET /2/users/me",
            };
        }

        if (error is { Kind: PlatformErrorKind.Unauthorized } || response is { Status: System.Net.HttpStatusCode.Unauthorized })
        {
            var state = expiredBefore ? ConnectionState.Expired : ConnectionState.Revoked;
            return stored with
            {
                State = state,
                Detail = state == ConnectionState.Expired
                    ? $"The access token expired and X refused to renew it; run `mops accounts connect {name}`."
                    : $"X refuses the stored token: the app's access was revoked; run `mops accounts connect {name}`.",
            };
        }

        var why = error?.Message ?? $"GET /2/users/me answered {(int)response!.Status}";
        return stored with { State = ConnectionState.Unverified, Detail = $"X could not be checked: {redactor.Redact(why)}" };
    }

    private XAccount Find(string name) => accounts.TryGetValue(name, out var account)
        ? account
        : throw new InvalidOperationException($"'{name}' is not an X account of plugins.json.");

    private string? ClientId(XAccount account) => account.ClientId ?? settings.OAuth2ClientId ?? secrets.GetSecret($"x/{account.Name}/client-id") ?? secrets.GetSecret("x/client-id");

    private string? ClientSecret(XAccount account) => secrets.GetSecret($"x/{account.Name}/client-secret") ?? secrets.GetSecret("x/client-secret");

    private static string? ReadUsername(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("username", out var username) ? username.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
