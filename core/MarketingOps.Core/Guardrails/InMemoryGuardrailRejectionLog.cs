using System.Runtime.CompilerServices;

namespace MarketingOps.Core.Guardrails;

/// <summary>A rejection log held in memory, for tests and the demo.</summary>
public sealed class InMemoryGuardrailRejectionLog : IGuardrailRejectionLog
{
    private readonly Lock _lock = new();
    private readonly List<GuardrailRejection> _rejections = [];

    public IReadOnlyList<GuardrailRejection> Snapshot()
    {
        lock (_lock)
        {
            return [.. _rejections];
        }
    }

    public Task RecordAsync(GuardrailRejection rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        lock (_lock)
        {
            _rejections.Add(rejection);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<GuardrailRejection> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var rejection in Snapshot().Where(r => r.At >= since).OrderBy(r => r.At))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return rejection;
        }

        await Task.CompletedTask;
    }
}
