namespace MarketingOps.Sdk;

/// <summary>The code a browser sign-in brought back, with the PKCE verifier the plugin sends to exchange it.</summary>
/// <remarks>A class, not a record, so that no generated ToString can print the code or the verifier.</remarks>
public sealed class AuthorizationCallback(string account, Uri redirectUri, string code, string codeVerifier)
{
    /// <summary>The account being connected.</summary>
    public string Account { get; } = account;

    /// <summary>The redirect URI of the authorization request, repeated in the token request.</summary>
    public Uri RedirectUri { get; } = redirectUri;

    /// <summary>The authorization code.</summary>
    public string Code { get; } = code;

    /// <summary>The PKCE <c>code_verifier</c>.</summary>
    public string CodeVerifier { get; } = codeVerifier;

    /// <inheritdoc/>
    public override string ToString() => $"AuthorizationCallback({Account})";
}
