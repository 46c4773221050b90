namespace MarketingOps.Host.Application;

/// <summary>One page of posts; <see cref="NextCursor"/> asks for the next page, and is null on the last one.</summary>
internal sealed record PostPage(IReadOnlyList<PostView> Items, string? NextCursor);
