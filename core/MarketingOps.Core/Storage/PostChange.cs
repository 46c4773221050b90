using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Storage;

/// <summary>One entry of the post change feed: a transition's position and the post as it is now.</summary>
internal sealed record PostChange(long Position, Post Post);
