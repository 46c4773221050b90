namespace MarketingOps.Sdk;

/// <summary>How an account of a platform signs in.</summary>
public enum AccountSignIn
{
    /// <summary>An identifier and a password (such as a Bluesky app password), asked of the user without echo.</summary>
    Password,

    /// <summary>An OAuth 2.0 authorization code with PKCE: the user approves in a browser, which is redirected back to the host.</summary>
    Browser,
}
