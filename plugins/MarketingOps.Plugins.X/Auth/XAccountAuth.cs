using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X.Auth;

/// <summary>
/// One account's credentials: OAuth 1.0a user context, or an OAuth 2.0 user token refreshed when it expires. X rotates
/// the refresh token on every refresh, so both new tokens are written back to the client's encrypted secrets (when the
/// host offers writable secrets), and a restart carries on with them.
/// </summary>
internal sealed class XAccountAuth : IDisposable
{
    private readonly string _account;
    private readonly ISecretStore _secrets;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _clock;
    private readonly string? _mode;
    private bool _oauth2;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private string? _refreshedAccessToken;
    private string? _refreshedRefreshToken;

    public XAccountAuth(PluginAccount account, ISecretStore secrets, SecretRedactor redactor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account.Name;
        _secrets = secrets;
        _redactor = redactor;
        _clock = clock;
        _mode = account.Settings["auth"];
        _oauth2 = IsOAuth2Mode();
    }

    public bool IsOAuth2 => _oauth2;

    /// <summary>plugins.json pins the account to OAuth 1.0a.</summary>
    public bool ConfiguredOAuth1 => _mode?.Equals("oauth1", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Whether an access token is stored (or was renewed in this process).</summary>
    public bool HasCredentials => (_refreshedAccessToken ?? Secret("access-token")) is not null;

    /// <summary>Whether an expired OAuth 2.0 token can be renewed without the user.</summary>
    public bool CanRefresh => _oauth2 && (_refreshedRefreshToken ?? Secret("refresh-token")) is not null && ClientId() is not null;

    /// <summary>When the OAuth 2.0 access token expires, as stored at connect or at the last refresh.</summary>
    public DateTimeOffset? ExpiresAt => _oauth2 && DateTimeOffset.TryParse(Secret("token-expires-at"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The scopes X granted at connect.</summary>
    public IReadOnlyList<string> GrantedScopes => Secret("scopes")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? (_oauth2 ? [] : ["oauth1 user context"]);

    /// <summary>Forgets tokens kept in memory, after a connect stored new ones.</summary>
    public void Reload()
    {
        _refreshedAccessToken = null;
        _refreshedRefreshToken = null;
        _oauth2 = IsOAuth2Mode();
    }

    /// <summary>Stores (or clears) the access token's expiry beside the tokens.</summary>
    public static void StoreExpiry(IWritableSecretStore secrets, string account, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (expiresAt is { } at)
        {
            secrets.SetSecret($"x/{account}/token-expires-at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            secrets.RemoveSecret($"x/{account}/token-expires-at");
        }
    }

    /// <summary>The secret names this account needs, for error messages and docs.</summary>
    public string RequiredSecrets => _oauth2
        ? $"x/{_account}/access-token (and x/{_account}/refresh-token, x/{_account}/client-id to refresh it)"
        : $"x/{_account}/consumer-key, x/{_account}/consumer-secret, x/{_account}/access-token, x/{_account}/access-token-secret";

    /// <summary>Sets the Authorization header; false when a credential is missing.</summary>
    public bool TryAuthorize(HttpRequestMessage request, IEnumerable<KeyValuePair<string, string>> queryParameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_oauth2)
        {
            var token = _refreshedAccessToken ?? Secret("access-token");
            if (token is null)
            {
                return false;
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return true;
        }

        var consumerKey = Secret("consumer-key") ?? Shared("consumer-key");
        var consumerSecret = Secret("consumer-secret") ?? Shared("consumer-secret");
        var accessToken = Secret("access-token");
        var tokenSecret = Secret("access-token-secret");
        if (consumerKey is null || consumerSecret is null || accessToken is null || tokenSecret is null)
        {
            return false;
        }

        var credentials = new OAuth1Credentials(consumerKey, consumerSecret, accessToken, tokenSecret);
        var header = OAuth1Signer.AuthorizationHeader(
            request.Method.Method, request.RequestUri!, queryParameters, credentials, OAuth1Signer.NewNonce(), _clock.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return true;
    }

    /// <summary>Exchanges the refresh token for a new access token (OAuth 2.0 only); true when a new token was obtained.</summary>
    public async Task<bool> TryRefreshAsync(HttpClient client, Uri tokenUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_oauth2)
        {
            return false;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var refreshToken = _refreshedRefreshToken ?? Secret("refresh-token");
            var clientId = ClientId();
            if (refreshToken is null || clientId is null)
            {
                return false;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("grant_type", "refresh_token"),
                    new("refresh_token", refreshToken),
                    new("client_id", clientId),
                ]),
            };
            if ((Secret("client-secret") ?? Shared("client-secret")) is { } clientSecret)
            {
                var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            }

            string body;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
            {
                return false; // the original 401 stands
            }

            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } newToken)
            {
                return false;
            }

            _redactor.Remember(newToken);
            _refreshedAccessToken = newToken;
            Persist("access-token", newToken);
            if (json.RootElement.TryGetProperty("expires_in", out var lifetime) && lifetime.TryGetInt64(out var seconds))
            {
                Persist("token-expires-at", _clock.GetUtcNow().AddSeconds(seconds).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (json.RootElement.TryGetProperty("refresh_token", out var refresh) && refresh.GetString() is { Length: > 0 } newRefresh)
            {
                // X rotates refresh tokens: the old one is spent, so losing the new one would lock the account out.
                _redactor.Remember(newRefresh);
                _refreshedRefreshToken = newRefresh;
                Persist("refresh-token", newRefresh);
            }

            return true;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Whether the last rotated token could not be written back (it is then kept in memory until restart).</summary>
    public string? PersistProblem { get; private set; }

    public void Dispose() => _refreshGate.Dispose();

    private void Persist(string name, string value)
    {
        if (_secrets is not IWritableSecretStore writable)
        {
            return;
        }

        try
        {
            writable.SetSecret($"x/{_account}/{name}", value);
            PersistProblem = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            // The memory copy keeps the account working until a restart; the message carries no value.
            PersistProblem = $"x/{_account}/{name} could not be stored ({e.GetType().Name}); the new token is kept in memory until the host restarts";
        }
    }

    private bool IsOAuth2Mode() => _mode is { } mode
        ? mode.Equals("oauth2", StringComparison.OrdinalIgnoreCase)
        : Secret("access-token-secret") is null;

    private string? ClientId() => Secret("client-id") ?? Shared("client-id");

    private string? Secret(string name) => Remember(_secrets.GetSecret($"x/{_account}/{name}"));

    private string? Shared(string name) => Remember(_secrets.GetSecret($"x/{name}"));

    private string? Remember(string? value)
    {
        _redactor.Remember(value);
        return value;
    }
}
