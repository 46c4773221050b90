namespace MarketingOps.Core.Links;

/// <summary>One rewritten link of a post, with the clicks the host counted on it.</summary>
/// <param name="PostId">The post.</param>
/// <param name="Account">The post's account.</param>
/// <param name="OriginalUrl">The link as written.</param>
/// <param name="TargetUrl">Where it leads (with UTM parameters when tagging was on).</param>
/// <param name="CreatedAt">When the link was made (when the post was scheduled).</param>
public sealed record LinkSummary(string PostId, string Account, string OriginalUrl, string TargetUrl, DateTimeOffset CreatedAt)
{
    /// <summary>The short link's code; null when the link was only tagged. The default value is none.</summary>
    public string? Code { get; init; }

    /// <summary>The short link as published; null when the link was only tagged. The default value is none.</summary>
    public string? ShortUrl { get; init; }

    /// <summary>The post's experiment. The default value is none.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The post's variant. The default value is none.</summary>
    public string? Variant { get; init; }

    /// <summary>The post's state (Scheduled, Published, …).</summary>
    public string PostState { get; init; } = "";

    /// <summary>People's clicks counted by the host (bots and link previews not included).</summary>
    public long Clicks { get; init; }

    /// <summary>Requests from bots, link-preview fetchers and HEAD requests, counted apart.</summary>
    public long BotHits { get; init; }

    /// <summary>The last person's click. The default value is none.</summary>
    public DateTimeOffset? LastClickAt { get; init; }
}
