using System.Collections.Concurrent;

namespace MarketingOps.Core.Publishing;

/// <summary>At most one publish in flight per account inside this process; the store's claim holds it across processes.</summary>
internal sealed class AccountGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised with the account's name when a caller finds the account busy and starts to wait (tests wait on it instead of sleeping).</summary>
    public event Action<string>? Waiting;

    public async Task<IDisposable> EnterAsync(string account, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            Waiting?.Invoke(account);
            await gate.WaitAsync(cancellationToken);
        }

        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
