namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// Runs what JSON-RPC dispatches on the thread that read it (each end's <see cref="ReaderThread"/>), in the order the
/// messages came and one at a time. The host's handlers answer from its services and the worker's only start work (a
/// run queues its script, a compile goes to the thread pool), so a message costs no thread-pool thread to wake, and a
/// worker's calls hold at most its one reader thread of the host, however many tasks the script starts.
/// </summary>
internal sealed class InlineSynchronizationContext : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
