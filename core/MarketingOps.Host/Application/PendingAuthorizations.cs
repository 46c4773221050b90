using System.Collections.Concurrent;
using MarketingOps.Core.Accounts.Connecting;

namespace MarketingOps.Host.Application;

/// <summary>Browser sign-ins started through the API, by their <c>state</c>: each is taken once by the host's callback, and forgotten when it expires.</summary>
internal sealed class PendingAuthorizations(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PendingAuthorization> _pending = new(StringComparer.Ordinal);

    public void Add(PendingAuthorization pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var now = time.GetUtcNow();
        foreach (var stale in _pending.Where(p => p.Value.ExpiresAt < now).Select(p => p.Key).ToList())
        {
            _pending.TryRemove(stale, out _);
        }

        _pending[pending.State] = pending;
    }

    /// <summary>The sign-in this state belongs to, removed so a second callback finds nothing; null when unknown or expired.</summary>
    public PendingAuthorization? Take(string? state) =>
        state is not null && _pending.TryRemove(state, out var pending) && pending.ExpiresAt >= time.GetUtcNow() ? pending : null;
}
