namespace MarketingOps.Core.Experiments.Planning;

/// <summary>One post the allocation planner laid out.</summary>
/// <param name="Slot">0-based position in the plan, in time order.</param>
/// <param name="Round">The round: every variant gets one slot per round.</param>
/// <param name="Variant">Index of the variant (0 = control).</param>
/// <param name="Account">The account it is posted from.</param>
/// <param name="At">When it is due (UTC), including the variant's time shift.</param>
/// <param name="SlotClass">What makes slots comparable: the local time of day of the slot before any shift, e.g. <c>09:00</c>.</param>
/// <param name="Text">The text to publish.</param>
internal sealed record PlannedPost(int Slot, int Round, int Variant, string Account, DateTimeOffset At, string SlotClass, string Text);
