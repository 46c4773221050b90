using MarketingOps.Core.Inbox;

namespace MarketingOps.Host.Application;

/// <summary>An inbox item with the ETag that guards a decision on it.</summary>
internal sealed record InboxItemView(InboxItem Item, string ETag);
