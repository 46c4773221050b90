namespace MarketingOps.Core.Posts;

/// <summary>A post just scheduled, with anything the user should know about how its time was read.</summary>
public sealed record ScheduledPost(Post Post, string? TimeNote);
