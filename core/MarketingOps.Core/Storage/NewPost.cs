using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Storage;

/// <summary>A post to insert, the reason for its first history line, and the inbox item it waits in, if it does.</summary>
internal sealed record NewPost(Post Post, string Reason, InboxItem? HeldItem = null);
