namespace MarketingOps.Core.Guardrails;

/// <summary>The earlier message a rule matched.</summary>
/// <param name="MessageId">Its id.</param>
/// <param name="Account">The account that sent it.</param>
/// <param name="At">When it was (or is to be) sent.</param>
/// <param name="Similarity">Its similarity to the checked message, where the rule compares text.</param>
public sealed record GuardrailMatch(string MessageId, string Account, DateTimeOffset At, double? Similarity = null);
