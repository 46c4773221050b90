namespace MarketingOps.Core.Inbox;

/// <summary>One page of inbox items, and how many items the whole list has.</summary>
public sealed record InboxPage(int Total, IReadOnlyList<InboxItem> Items);
