namespace MarketingOps.Sdk;

/// <summary>Optional platform capability (SDK 1.1): connects an account through the platform's own sign-in and checks the connection, for <c>mops accounts connect</c> and <c>mops accounts list</c>.</summary>
/// <remarks>
/// The host drives the user's side (a browser redirect to a loopback or host URL, a password prompt) and creates the
/// PKCE verifier and <c>state</c>; the plugin talks to the platform and keeps what later calls need in its writable
/// secrets. Nothing a method returns or throws may contain a credential.
/// </remarks>
public interface IAccountConnector
{
    /// <summary>How an account of this platform signs in.</summary>
    AccountSignIn SignIn { get; }

    /// <summary>For <see cref="AccountSignIn.Browser"/>: prepares the platform (an app registration, if it needs one) and returns the URL the user opens.</summary>
    Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken);

    /// <summary>For <see cref="AccountSignIn.Browser"/>: exchanges the code the redirect brought back and stores the account's tokens.</summary>
    Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken);

    /// <summary>For <see cref="AccountSignIn.Password"/>: signs in with an identifier and an (app) password and stores what later sign-ins need, encrypted.</summary>
    Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken);

    /// <summary>What is stored for the account (handle, scopes, expiry), without contacting the platform.</summary>
    AccountConnection DescribeConnection(string account);

    /// <summary>Checks with one cheap call (refreshing a token if that is how the platform works) whether the stored credentials still work.</summary>
    Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken);
}
