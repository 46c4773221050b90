namespace MarketingOps.Plugins.Mastodon;

/// <summary>The app registered on one instance: its client id and secret and the redirect URIs it accepts.</summary>
/// <remarks>A class, not a record, so that no generated ToString can print the secret.</remarks>
internal sealed class MastodonApp(string clientId, string clientSecret, IReadOnlyList<string> redirectUris)
{
    public string ClientId { get; } = clientId;

    public string ClientSecret { get; } = clientSecret;

    public IReadOnlyList<string> RedirectUris { get; } = redirectUris;

    /// <summary>Whether the registration accepts this redirect: the same URI, or a loopback one on another port (RFC 8252 §7.3, which Mastodon's Doorkeeper follows).</summary>
    public bool Covers(Uri redirectUri) => RedirectUris.Any(r =>
        Uri.TryCreate(r, UriKind.Absolute, out var registered)
        && (registered == redirectUri
            || (registered.IsLoopback && redirectUri.IsLoopback && registered.Scheme == redirectUri.Scheme && registered.Host == redirectUri.Host && registered.AbsolutePath == redirectUri.AbsolutePath)));

    public override string ToString() => $"MastodonApp({ClientId})";
}
