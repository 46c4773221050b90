namespace MarketingOps.Core.Inbox;

/// <summary>The text an approver gave one part of a held thread (part 1 for a single message), replacing the proposed one.</summary>
/// <param name="Part">The part, from 1.</param>
/// <param name="Text">Its new text.</param>
public sealed record PartEdit(int Part, string Text);
