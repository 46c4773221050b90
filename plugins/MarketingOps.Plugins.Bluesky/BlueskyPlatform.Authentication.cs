using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    public AccountSignIn SignIn => AccountSignIn.Password;

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) => _connector.SignInAsync(signIn, cancellationToken);

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Bluesky accounts connect with a handle and an app password, not in a browser.");

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Bluesky accounts connect with a handle and an app password, not in a browser.");

    /// <summary>Logs in once per account and keeps the session; later calls reuse it.</summary>
    private async Task<PlatformError?> EnsureSessionAsync(BlueskyAccount account, CancellationToken cancellationToken)
    {
        if (account.Session is not null)
        {
            return null;
        }

        await account.SessionGate.WaitAsync(cancellationToken);
        try
        {
            return account.Session is not null ? null : await CreateSessionAsync(account, cancellationToken);
        }
        finally
        {
            account.SessionGate.Release();
        }
    }

    private async Task<PlatformError?> CreateSessionAsync(BlueskyAccount account, CancellationToken cancellationToken)
    {
        var secretName = BlueskyConnector.PasswordSecret(account.Name);
        var password = _secrets.GetSecret(secretName);
        _redactor.Remember(password);
        if (_connector.LoginIdentifier(account) is not { } identifier || password is null)
        {
            return new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky account '{account.Name}' is not connected: run `mops accounts connect {account.Name}` (it needs a handle and the secret {secretName}).") { Code = "missing-credentials" };
        }

        var body = new JsonObject { ["identifier"] = identifier, ["password"] = password };
        var (response, error) = await SendAsync(account, HttpMethod.Post, "com.atproto.server.createSession", [], () => JsonContent(body), null, cancellationToken);
        if (response is not { IsSuccess: true })
        {
            return error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
        }

        account.Session = BlueskySession.Parse(response.Body, _redactor);
        _logger.LogInformation("Logged in to Bluesky as account {Account}", account.Name);
        return account.Session is null ? new PlatformError(PlatformErrorKind.Transient, "Bluesky's createSession answered without a session.") : null;
    }

    private async Task<bool> RefreshSessionAsync(BlueskyAccount account, BlueskySession expired, CancellationToken cancellationToken)
    {
        await account.SessionGate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(account.Session, expired))
            {
                return account.Session is not null; // another call refreshed it already
            }

            var (response, _) = await SendAsync(account, HttpMethod.Post, "com.atproto.server.refreshSession", [], null, expired.RefreshJwt, cancellationToken);
            if (response is { IsSuccess: true } && BlueskySession.Parse(response.Body, _redactor) is { } refreshed)
            {
                account.Session = refreshed;
                _logger.LogInformation("Refreshed the Bluesky session of account {Account}", account.Name);
                return true;
            }

            // The refresh token expired too: log in again (rare; logins are rate-limited).
            account.Session = null;
            return await CreateSessionAsync(account, cancellationToken) is null;
        }
        finally
        {
            account.SessionGate.Release();
        }
    }

    /// <summary>An authenticated XRPC call on the account's PDS; an expired access token is refreshed once.</summary>
    private async Task<(XrpcResponse? Response, PlatformError? Error)> CallAsync(
        BlueskyAccount account,
        HttpMethod method,
        string nsid,
        IReadOnlyList<KeyValuePair<string, string>> query,
        JsonObject? body,
        CancellationToken cancellationToken,
        Func<HttpContent>? content = null)
    {
        content ??= body is null ? null : () => JsonContent(body);
        if (account.Session is not { } session)
        {
            return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky account '{account.Name}' has no session.") { Code = "no-session" });
        }

        var (response, error) = await SendAsync(account, method, nsid, query, content, session.AccessJwt, cancellationToken);
        if (response is { Status: 401 } or { Status: 400, Error: "ExpiredToken" or "InvalidToken" }
            && await RefreshSessionAsync(account, session, cancellationToken))
        {
            return await SendAsync(account, method, nsid, query, content, account.Session!.AccessJwt, cancellationToken);
        }

        return (response, error);
    }

    private async Task<(XrpcResponse? Response, PlatformError? Error)> SendAsync(
        BlueskyAccount account,
        HttpMethod method,
        string nsid,
        IReadOnlyList<KeyValuePair<string, string>> query,
        Func<HttpContent>? content,
        string? bearer,
        CancellationToken cancellationToken)
    {
        var url = new Uri(account.ServiceUrl, "xrpc/" + nsid + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))));
        using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        try
        {
            using var response = await _http.CreateClient(BlueskyHttpClients.Name).SendAsync(request, cancellationToken);
            return (new XrpcResponse((int)response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync(cancellationToken)), null);
        }
        catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
        {
            return (null, BlueskyErrors.FromException(e, _redactor));
        }
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
