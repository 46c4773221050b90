using System.Net.Http.Headers;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    public AccountSignIn SignIn => AccountSignIn.Browser;

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) => _connector.BeginAsync(start, cancellationToken);

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) => _connector.CompleteAsync(callback, cancellationToken);

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Mastodon accounts connect in a browser (OAuth 2.0), not with a password.");

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    private async Task<(MastodonResponse? Response, PlatformError? Error)> SendAsync(
        MastodonAccount account,
        HttpMethod method,
        string path,
        Func<HttpContent>? content,
        CancellationToken cancellationToken,
        Action<HttpRequestMessage>? decorate = null,
        bool authenticate = true)
    {
        var now = _clock.GetUtcNow();
        if (account.PausedUntil is { } paused && paused > now)
        {
            // X-RateLimit-Remaining said 0: sending now would only earn a 429.
            return (null, new PlatformError(PlatformErrorKind.RateLimited, $"Mastodon's rate limit for account '{account.Name}' is spent until {paused:u}.") { RetryAt = paused, Code = "429" });
        }

        using var request = new HttpRequestMessage(method, new Uri(account.InstanceUrl, path)) { Content = content?.Invoke() };
        if (authenticate)
        {
            var secretName = MastodonConnector.AccessTokenSecret(account.Name);
            var token = _secrets.GetSecret(secretName);
            _redactor.Remember(token);
            if (token is null)
            {
                return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"Mastodon account '{account.Name}' has no access token: run `mops accounts connect {account.Name}` (it stores {secretName}).") { Code = "missing-credentials" });
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        decorate?.Invoke(request);
        try
        {
            using var response = await _http.CreateClient(MastodonHttpClients.Name).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            account.PausedUntil = MastodonErrors.Remaining(response.Headers) == 0 ? MastodonErrors.ResetAt(response.Headers) : null;
            return (new MastodonResponse((int)response.StatusCode, response.Headers, body), null);
        }
        catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
        {
            return (null, MastodonErrors.FromException(e, _redactor));
        }
    }
}
