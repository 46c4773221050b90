namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The one guardrail pipeline every post, reply and direct message passes: before it is scheduled and again right
/// before it is sent. The publishing side tells it what was scheduled and what was dropped, so later checks see it.
/// </summary>
public interface IGuardrails
{
    /// <summary>Judges a message that is about to be scheduled or sent; rejections are recorded for the automation report.</summary>
    Task<GuardrailVerdict> CheckAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Judges a message without recording anything (<c>mops guardrails check</c>).</summary>
    Task<GuardrailVerdict> ExplainAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Judges messages in order, each as if the ones before it had been scheduled (caps, duplicates among them), and
    /// records nothing: a plan of many posts is checked whole before any of it is stored.
    /// </summary>
    Task<IReadOnlyList<GuardrailVerdict>> ExplainAllAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);

    /// <summary>The message was scheduled or sent: later messages are compared with it and counted against caps. Idempotent per id.</summary>
    Task RecordAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>The message was cancelled, failed or deleted: forget it.</summary>
    Task ForgetAsync(string messageId, CancellationToken cancellationToken);
}
