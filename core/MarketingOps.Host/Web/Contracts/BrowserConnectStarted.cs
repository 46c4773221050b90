namespace MarketingOps.Host.Web.Contracts;

/// <summary>A browser sign-in under way: open the authorization URL; the platform returns to the host's callback, which finishes it.</summary>
/// <param name="AuthorizationUrl">Where the user approves the connection.</param>
/// <param name="RedirectUri">The host's callback the platform returns to (registered with the platform's app).</param>
/// <param name="ExpiresAt">When the sign-in is forgotten if the user has not come back.</param>
internal sealed record BrowserConnectStarted(Uri AuthorizationUrl, Uri RedirectUri, DateTimeOffset ExpiresAt);
