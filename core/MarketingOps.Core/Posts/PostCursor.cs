namespace MarketingOps.Core.Posts;

/// <summary>A position in the post list (ordered by due time, then id), for keyset paging.</summary>
public sealed record PostCursor(DateTimeOffset DueAt, string Id);
