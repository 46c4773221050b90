using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>One rule rejecting one message, kept for the automation report.</summary>
/// <param name="MessageId">The rejected message's id.</param>
/// <param name="Account">The sending account.</param>
/// <param name="Kind">Post, reply or direct message.</param>
/// <param name="Origin">How the message would have gone out.</param>
/// <param name="Rule">The rule that rejected it.</param>
/// <param name="Reason">The rule's reason.</param>
/// <param name="At">When the check ran.</param>
public sealed record GuardrailRejection(string MessageId, string Account, MessageKind Kind, MessageOrigin Origin, string Rule, string Reason, DateTimeOffset At);
