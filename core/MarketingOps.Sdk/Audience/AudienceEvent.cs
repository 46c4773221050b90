namespace MarketingOps.Sdk;

/// <summary>Something a person did towards an account.</summary>
/// <param name="Id">The platform's id for the event, stable across fetches.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Handle">Who did it.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Text">The words of a mention, reply or message, if any.</param>
/// <param name="PostId">The platform id of the mention or reply, if any.</param>
public sealed record AudienceEvent(string Id, AudienceEventKind Kind, string Handle, DateTimeOffset OccurredAt, string? Text = null, string? PostId = null);
