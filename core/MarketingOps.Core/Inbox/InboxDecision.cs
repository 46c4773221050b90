namespace MarketingOps.Core.Inbox;

/// <summary>One recorded decision on an inbox item: what, who and when.</summary>
/// <param name="Action">What was decided.</param>
/// <param name="By">Who decided: a user name, or <c>policy</c> for unattended sends.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why (required for a rejection; the guardrails' summary for a refused approval).</param>
/// <param name="EditedText">The text as the approver changed it, if they did.</param>
/// <param name="EditedPart">For a thread, the part whose text <paramref name="EditedText"/> replaced.</param>
public sealed record InboxDecision(InboxDecisionAction Action, string By, DateTimeOffset At, string? Reason = null, string? EditedText = null, int? EditedPart = null)
{
    /// <summary>For a thread of which the approver edited several parts, each of them (<see cref="EditedText"/> and <see cref="EditedPart"/> are then null).</summary>
    public IReadOnlyList<PartEdit>? EditedParts { get; init; }
}
