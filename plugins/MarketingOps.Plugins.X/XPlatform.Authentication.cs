using System.Net;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    public AccountSignIn SignIn => AccountSignIn.Browser;

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) => _connector.BeginAsync(start);

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) => _connector.CompleteAsync(callback, cancellationToken);

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) =>
        throw new NotSupportedException("X accounts connect in a browser (OAuth 2.0), not with a password.");

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    private async Task<(string? Id, PlatformError? Error)> ResolveUserIdAsync(XAccount account, CancellationToken cancellationToken)
    {
        if (account.UserId is { } known)
        {
            return (known, null);
        }

        var (response, error) = await SendAsync(account, HttpMethod.Get, "2/users/me", [], null, isWrite: false, cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            return (null, error ?? XErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        account.UserId = ReadString(response.Body, "data", "id");
        return account.UserId is null
            ? (null, new PlatformError(PlatformErrorKind.Transient, "X's /2/users/me answered without a user id."))
            : (account.UserId, null);
    }

    /// <summary>Sends one request with the account's credentials; refreshes an OAuth 2.0 token once on 401.</summary>
    private async Task<(XResponse? Response, PlatformError? Error)> SendAsync(
        XAccount account,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        Func<HttpContent>? content,
        bool isWrite,
        CancellationToken cancellationToken)
    {
        // Uploads are POSTs too, but never retried: only GETs use the retrying client.
        var client = _http.CreateClient(method == HttpMethod.Get ? XHttpClients.Reads : XHttpClients.Writes);
        var url = new Uri(_settings.ApiBaseUrl, path + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
            if (!account.Auth.TryAuthorize(request, query))
            {
                return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"X account '{account.Name}' is missing credentials; set the secrets {account.Auth.RequiredSecrets}.") { Code = "missing-credentials" });
            }

            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1 && account.Auth.IsOAuth2
                    && await account.Auth.TryRefreshAsync(_http.CreateClient(XHttpClients.Writes), _settings.OAuth2TokenUrl, cancellationToken))
                {
                    _logger.LogInformation("Refreshed the OAuth 2.0 token of X account {Account}", account.Name);
                    if (account.Auth.PersistProblem is { } problem)
                    {
                        _logger.LogWarning("X account {Account}: {Problem}", account.Name, problem);
                    }

                    continue; // a 401 means nothing was applied, so sending again is safe
                }

                return (new XResponse(response.StatusCode, response.Headers, body), null);
            }
            catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
            {
                return (null, XErrors.FromException(e, isWrite && path == "2/tweets", _redactor));
            }
        }
    }
}
