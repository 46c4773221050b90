namespace MarketingOps.Core.Guardrails;

/// <summary>Durable record of guardrail rejections, for the automation report.</summary>
public interface IGuardrailRejectionLog
{
    Task RecordAsync(GuardrailRejection rejection, CancellationToken cancellationToken);

    /// <summary>Rejections at or after <paramref name="since"/>, oldest first.</summary>
    IAsyncEnumerable<GuardrailRejection> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
