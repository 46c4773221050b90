using System.Collections.Concurrent;

namespace MarketingOps.Core.Publishing;

/// <summary>Marks a post as being handled by this process until disposed.</summary>
internal sealed class InFlightMark(ConcurrentDictionary<string, byte> inFlight, string postId) : IDisposable
{
    public void Dispose() => inFlight.TryRemove(postId, out _);
}
