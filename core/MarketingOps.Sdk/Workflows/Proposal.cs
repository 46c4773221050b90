namespace MarketingOps.Sdk;

/// <summary>A reply or message a workflow drafted for a human to approve, with the reasons it was drafted.</summary>
/// <param name="Platform">The platform's id.</param>
/// <param name="Account">The account it would be sent from.</param>
/// <param name="Draft">The drafted reply or message.</param>
/// <param name="Trigger">The event that prompted it, in words (for example "new follower @ana").</param>
public sealed record Proposal(string Platform, string Account, PostDraft Draft, string Trigger)
{
    /// <summary>The facts used to personalise the draft, shown to the approver. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>The id of the event that prompted the proposal, so one event yields at most one proposal.</summary>
    public string? TriggerEventId { get; init; }
}
