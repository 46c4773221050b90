using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Host.Web;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Sdk;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Application;

/// <summary>Connecting accounts through the HTTP API: the same <see cref="AccountConnections"/> as <c>mops accounts connect</c>, with the host's callback URL.</summary>
internal sealed class ConnectionsApp(AccountConnections connections, PendingAuthorizations pending)
{
    /// <summary>The path of the host's callback, under the API prefix.</summary>
    public const string CallbackPath = "/accounts/connect/callback";

    /// <summary>Where the platform returns the browser to this host, as the request reached it.</summary>
    public static Uri CallbackFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{WebPipeline.ApiPrefix}{CallbackPath}");
    }

    /// <summary>How the account's platform connects it (a browser or an app password); a problem in words when it cannot.</summary>
    public (AccountSignIn? SignIn, string? Problem) SignInOf(string account)
    {
        try
        {
            return (connections.Find(account).Connector.SignIn, null);
        }
        catch (ConnectionException e)
        {
            return (null, e.Message);
        }
    }

    public Task<IReadOnlyList<AccountConnectionStatus>> ListAsync(bool verify, CancellationToken cancellationToken) => connections.ListAsync(verify, cancellationToken);

    public async Task<AccountConnectionStatus> ConnectWithPasswordAsync(string account, PasswordConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.AppPassword))
        {
            throw ApiProblemException.Invalid("$.appPassword", "required: an app password (never the account's main password).");
        }

        return await Guard(async () =>
        {
            var (found, _) = connections.Find(account);
            var handle = request.Handle ?? found.Settings["handle"];
            return string.IsNullOrWhiteSpace(handle)
                ? throw ApiProblemException.Invalid("$.handle", "required: the account has no handle in plugins.json.")
                : await connections.SignInWithPasswordAsync(found.Name, handle, request.AppPassword, cancellationToken);
        });
    }

    public async Task<BrowserConnectStarted> BeginAsync(string account, Uri callback, CancellationToken cancellationToken)
    {
        var started = await Guard(() => connections.BeginAsync(account, callback, cancellationToken));
        pending.Add(started);
        return new BrowserConnectStarted(started.AuthorizationUrl, started.RedirectUri, started.ExpiresAt);
    }

    /// <summary>Finishes the sign-in the callback's state belongs to; the outcome in words for the browser's page.</summary>
    public async Task<(bool Connected, string Message)> CompleteAsync(IReadOnlyDictionary<string, string?> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (pending.Take(query.GetValueOrDefault("state")) is not { } started)
        {
            return (false, "This sign-in is unknown or expired (or was already used); start it again from mops.");
        }

        try
        {
            var status = await connections.CompleteAsync(started, query, cancellationToken);
            return (true, $"Connected {status.Account} ({status.Platform}) as {status.Handle ?? "the approved account"}.");
        }
        catch (ConnectionException e)
        {
            return (false, e.Message);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ConnectionException e) when (e.UnknownAccount)
        {
            throw ApiProblemException.NotFound(e.Message);
        }
        catch (ConnectionException e)
        {
            throw new ApiProblemException(409, "Not connected", e.Message);
        }
    }
}
