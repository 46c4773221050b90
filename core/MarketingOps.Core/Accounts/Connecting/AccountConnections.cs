using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing.Holds;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Accounts.Connecting;

/// <summary>
/// Connects the client's accounts through their platform plugins' sign-in (<see cref="IAccountConnector"/>) and reports
/// each connection's state. The host owns the PKCE verifier and <c>state</c>; the plugin talks to the platform.
/// </summary>
internal sealed class AccountConnections(IPlatformRegistry registry, AccountHolds holds, TimeProvider time, ILogger<AccountConnections> logger)
{
    /// <summary>How long a browser sign-in may take before its state is forgotten.</summary>
    public static readonly TimeSpan AuthorizationLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The account and its platform's connector; a clear error when either is missing.</summary>
    public (ClientAccount Account, IAccountConnector Connector) Find(string name)
    {
        var account = registry.FindAccount(name) ?? throw new ConnectionException(
            $"no account named '{name}' in plugins.json; configured: {(registry.Accounts.Count == 0 ? "none" : string.Join(", ", registry.Accounts.Select(a => a.Name)))}")
        { UnknownAccount = true };
        var platform = registry.FindPlatform(account.Platform)
            ?? throw new ConnectionException($"account '{account.Name}': the platform '{account.Platform}' is not active (its plugin is missing, disabled or failed to load; see `mops plugins list`)");
        return platform is IAccountConnector connector
            ? (account, connector)
            : throw new ConnectionException($"account '{account.Name}': the '{account.Platform}' plugin cannot connect accounts itself; store its credentials with `mops secrets set` as its documentation says");
    }

    /// <summary>Signs in with an identifier and an (app) password; the connection is stored by the plugin when it succeeds.</summary>
    public async Task<AccountConnectionStatus> SignInWithPasswordAsync(string name, string identifier, string password, CancellationToken cancellationToken)
    {
        var (account, connector) = Find(name);
        if (connector.SignIn != AccountSignIn.Password)
        {
            throw new ConnectionException($"account '{account.Name}': {account.Platform} accounts connect in a browser, not with a password");
        }

        if (string.IsNullOrWhiteSpace(identifier) || string.IsNullOrEmpty(password))
        {
            throw new ConnectionException($"account '{account.Name}': both a handle and an app password are needed; nothing was stored");
        }

        var connection = await Call(account, () => connector.SignInWithPasswordAsync(new PasswordSignIn(account.Name, identifier, password), cancellationToken));
        return Settle(account, connection);
    }

    /// <summary>Starts a browser sign-in that returns to <paramref name="redirectUri"/>.</summary>
    public async Task<PendingAuthorization> BeginAsync(string name, Uri redirectUri, CancellationToken cancellationToken)
    {
        var (account, connector) = Find(name);
        if (connector.SignIn != AccountSignIn.Browser)
        {
            throw new ConnectionException($"account '{account.Name}': {account.Platform} accounts connect with a handle and an app password, not in a browser");
        }

        var verifier = Pkce.NewVerifier();
        var state = Pkce.NewState();
        var url = await Call(account, () => connector.BeginAuthorizationAsync(new AuthorizationStart(account.Name, redirectUri, state, Pkce.Challenge(verifier)), cancellationToken));
        return new PendingAuthorization(account.Name, account.Platform, redirectUri, url, state, verifier, time.GetUtcNow() + AuthorizationLifetime);
    }

    /// <summary>Completes a browser sign-in with the query string the redirect brought back (<c>code</c>, <c>state</c> or <c>error</c>).</summary>
    public async Task<AccountConnectionStatus> CompleteAsync(PendingAuthorization pending, IReadOnlyDictionary<string, string?> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(query);
        if (!Pkce.SameState(pending.State, query.GetValueOrDefault("state")))
        {
            throw new ConnectionException($"account '{pending.Account}': the redirect's state does not match this sign-in (a forged or stale request); nothing was stored");
        }

        if (time.GetUtcNow() > pending.ExpiresAt)
        {
            throw new ConnectionException($"account '{pending.Account}': the sign-in took longer than {AuthorizationLifetime.TotalMinutes:0} minutes; start again");
        }

        if (query.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            var description = query.GetValueOrDefault("error_description");
            throw new ConnectionException($"account '{pending.Account}': {pending.Platform} did not authorize the connection ({Printable(error)}{(description is null ? "" : ": " + Printable(description))}); nothing was stored");
        }

        if (query.GetValueOrDefault("code") is not { Length: > 0 } code)
        {
            throw new ConnectionException($"account '{pending.Account}': the redirect brought no authorization code; nothing was stored");
        }

        var (account, connector) = Find(pending.Account);
        var connection = await Call(account, () => connector.CompleteAuthorizationAsync(new AuthorizationCallback(account.Name, pending.RedirectUri, code, pending.Verifier), cancellationToken));
        return Settle(account, connection);
    }

    /// <summary>Every account's connection: stored facts only, or checked with one cheap call per account.</summary>
    public async Task<IReadOnlyList<AccountConnectionStatus>> ListAsync(bool verify, CancellationToken cancellationToken)
    {
        var statuses = new List<AccountConnectionStatus>();
        foreach (var account in registry.Accounts)
        {
            statuses.Add(await StatusAsync(account, verify, cancellationToken));
        }

        return statuses;
    }

    /// <summary>One account's connection.</summary>
    public async Task<AccountConnectionStatus> StatusAsync(ClientAccount account, bool verify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var platform = registry.FindPlatform(account.Platform);
        if (platform is not IAccountConnector connector)
        {
            var (state, detail) = platform is null
                ? ("inactive", $"the '{account.Platform}' plugin is not active; see `mops plugins list`")
                : ("unsupported", $"the '{account.Platform}' plugin does not connect accounts itself");
            return new AccountConnectionStatus(account.Name, account.Platform, state, null, [], null, false, detail);
        }

        try
        {
            var connection = verify
                ? await connector.VerifyConnectionAsync(account.Name, cancellationToken)
                : connector.DescribeConnection(account.Name);
            return AccountConnectionStatus.Of(account, connection);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The {Platform} plugin failed to check account {Account}: {Error}", account.Platform, account.Name, e.GetType().Name);
            return new AccountConnectionStatus(account.Name, account.Platform, "unverified", null, [], null, false, $"the plugin failed to check it ({e.GetType().Name})");
        }
    }

    private AccountConnectionStatus Settle(ClientAccount account, AccountConnection connection)
    {
        var status = AccountConnectionStatus.Of(account, connection);
        if (connection.State != ConnectionState.Connected)
        {
            throw new ConnectionException($"account '{account.Name}' was not connected: {connection.Detail ?? status.State}");
        }

        logger.LogInformation("Connected account {Account} on {Platform} as {Handle}", account.Name, account.Platform, connection.Handle);
        // Posts held for this account's refused credentials try again at their next check, which now succeeds.
        holds.Release(account.Name);
        return status;
    }

    // A plugin's failure is the plugin's, not the host's: report its type, never let it escape as a crash.
    private async Task<T> Call<T>(ClientAccount account, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConnectionException)
        {
            logger.LogWarning("The {Platform} plugin failed while connecting account {Account}: {Error}", account.Platform, account.Name, e.GetType().Name);
            throw new ConnectionException($"account '{account.Name}': the {account.Platform} plugin failed ({e.GetType().Name}: {e.Message}); nothing was stored");
        }
    }

    // Text from the redirect's query is the platform's (or a forger's): keep it short and printable.
    private static string Printable(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]);
        return clean.Length <= 200 ? clean : clean[..200] + "…";
    }
}
