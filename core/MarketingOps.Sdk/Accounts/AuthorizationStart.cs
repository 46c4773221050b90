namespace MarketingOps.Sdk;

/// <summary>What the host gives a plugin to start a browser sign-in (OAuth 2.0 authorization code with PKCE, RFC 7636).</summary>
/// <param name="Account">The account being connected.</param>
/// <param name="RedirectUri">Where the platform sends the browser back (a loopback URL of the CLI, or the host's callback).</param>
/// <param name="State">The value to pass as <c>state</c>; the host checks it on the way back.</param>
/// <param name="CodeChallenge">The PKCE <c>code_challenge</c>, always of method <c>S256</c>.</param>
public sealed record AuthorizationStart(string Account, Uri RedirectUri, string State, string CodeChallenge);
