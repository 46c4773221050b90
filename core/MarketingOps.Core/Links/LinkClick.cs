namespace MarketingOps.Core.Links;

/// <summary>One request for a short link.</summary>
/// <param name="Code">The short link.</param>
/// <param name="PostId">The post it belongs to.</param>
/// <param name="At">When it came (UTC).</param>
/// <param name="Agent">Null for a person's click; otherwise the bot or preview fetcher it came from (<c>Twitterbot</c>, <c>HEAD</c>, …), counted apart.</param>
internal sealed record LinkClick(string Code, string PostId, DateTimeOffset At, string? Agent);
