namespace MarketingOps.Core.Guardrails;

/// <summary>One change of the message history: the message as it now counts, or <see langword="null"/> when it no longer does (cancelled, failed).</summary>
internal sealed record MessageHistoryChange(long Position, string MessageId, OutgoingMessage? Message);
