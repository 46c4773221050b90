namespace MarketingOps.Core.Links;

/// <summary>How the host rewrites links in a client's posts (configuration section <c>Links</c> of <c>mops.json</c>).</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Links";

    /// <summary>Add <c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c> and <c>utm_content</c> to every http(s) link of a post. The default value is false.</summary>
    public bool Tag { get; set; }

    /// <summary><c>utm_campaign</c> of a post outside an experiment (an experiment's posts carry its name). The default value is none (no campaign).</summary>
    public string? Campaign { get; set; }

    /// <summary><c>utm_medium</c>. The default value is <c>social</c>.</summary>
    public string Medium { get; set; } = "social";

    /// <summary>
    /// Links left exactly as written (neither tagged nor shortened): a host (<c>shop.example</c>, which covers its
    /// subdomains too) or a link prefix (<c>https://shop.example/checkout</c>). The default value is none.
    /// </summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>
    /// The public base URL of the host's short links (<c>https://go.acme.example</c>): links are rewritten to
    /// <c>BASE/l/CODE</c>, served by <c>mops run</c>, which counts each click and redirects to the (tagged) link.
    /// The default value is none (links are not shortened).
    /// </summary>
    public string? ShortBaseUrl { get; set; }

    /// <summary>More User-Agent fragments (case-insensitive) counted as bots and link-preview fetchers, beside the built-in ones. The default value is none.</summary>
    public List<string> BotUserAgents { get; set; } = [];

    /// <summary>Whether any rewriting is on.</summary>
    internal bool RewritesLinks => Tag || ShortBase is not null;

    /// <summary>The short base as a URL without a trailing slash; null when short links are off or the setting is invalid.</summary>
    internal Uri? ShortBase =>
        ShortBaseUrl is { Length: > 0 } text && Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
