namespace MarketingOps.Core.Links;

/// <summary>How a post's links were rewritten: the text as written, and each link with its clicks.</summary>
/// <param name="PostId">The post.</param>
/// <param name="OriginalText">The text as the author wrote it (the post's text is what is published).</param>
/// <param name="Summary">What was done, as the history says it.</param>
/// <param name="Links">Each rewritten link, in the order of the text.</param>
public sealed record PostLinks(string PostId, string OriginalText, string Summary, IReadOnlyList<LinkSummary> Links);
