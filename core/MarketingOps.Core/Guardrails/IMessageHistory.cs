namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The durable record of messages the guardrails compare against: every post, reply and message that is
/// scheduled or sent (not cancelled, not failed). Read once to warm the in-memory index, and by the automation report.
/// </summary>
public interface IMessageHistory
{
    /// <summary>Messages whose <see cref="OutgoingMessage.At"/> is at or after <paramref name="since"/>, oldest first.</summary>
    IAsyncEnumerable<OutgoingMessage> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
