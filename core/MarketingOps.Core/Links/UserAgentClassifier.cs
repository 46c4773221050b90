using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Links;

/// <summary>
/// Tells a person's click from the requests that are not one: link-preview fetchers of the networks (Twitterbot,
/// facebookexternalhit, Bluesky's card fetcher, Mastodon instances, Slackbot, Discordbot), generic bots, crawlers and
/// spiders, a request without a User-Agent, and every <c>HEAD</c> request (a client checking a link, never a person).
/// </summary>
internal sealed class UserAgentClassifier(IOptions<LinkOptions> options)
{
    // Fragment found in the User-Agent (ignoring case) → the name it is counted under.
    private static readonly (string Fragment, string Name)[] Known =
    [
        ("Twitterbot", "Twitterbot"),
        ("facebookexternalhit", "facebookexternalhit"),
        ("facebookcatalog", "facebookexternalhit"),
        ("Bluesky Cardyb", "Bluesky Cardyb"),
        ("Cardyb", "Bluesky Cardyb"),
        ("Mastodon/", "Mastodon"),
        ("Slackbot", "Slackbot"),
        ("Slack-ImgProxy", "Slackbot"),
        ("Discordbot", "Discordbot"),
        ("WhatsApp/", "WhatsApp"),
        ("TelegramBot", "TelegramBot"),
        ("LinkedInBot", "LinkedInBot"),
        ("SkypeUriPreview", "SkypeUriPreview"),
        ("Iframely", "Iframely"),
        ("Embedly", "Embedly"),
    ];

    private static readonly string[] Generic = ["bot", "crawler", "spider", "crawl"];

    /// <summary>Null for a person's click; otherwise what the request is counted apart as.</summary>
    public string? Classify(string method, string? userAgent)
    {
        if (HttpMethods.IsHead(method))
        {
            return "HEAD";
        }

        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "no User-Agent";
        }

        foreach (var (fragment, name) in Known)
        {
            if (userAgent.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        foreach (var fragment in options.Value.BotUserAgents)
        {
            if (userAgent.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return fragment;
            }
        }

        foreach (var fragment in Generic)
        {
            if (userAgent.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return "other bot (" + fragment + ")";
            }
        }

        return null;
    }

    private static class HttpMethods
    {
        public static bool IsHead(string method) => string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
    }
}
