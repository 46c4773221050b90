using System.Diagnostics;
using MarketingOps.Scripting.Protocol;
using StreamJsonRpc;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// One run's line to the host: every globals call goes out tagged with the run's id and comes back as a plain value, or
/// as the exception the script would have seen in process. A call after the run ended is refused here and by the host.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class HostConnection(JsonRpc rpc, string runId, RemoteOutput output, WorkerValueCache values, CancellationToken runToken)
{
    public CancellationToken RunToken => runToken;

    /// <summary>Calls the host and waits: the globals API is synchronous, and a script waits on a worker thread, never on the host's.</summary>
    public T Call<T>(string method, params object?[] arguments)
    {
        runToken.ThrowIfCancellationRequested();
        values.DropPrefetched(); // answers as of the run's start serve only the calls it starts with
        output.Flush(); // what the script printed before this call reaches the host before the call does
        var reply = rpc.InvokeWithCancellationAsync<HostReply<T>>(method, [runId, .. arguments], runToken).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"The host gave no answer to {method}.");
        return reply.ErrorType is null ? reply.Value! : throw Rethrow(reply.ErrorType, reply.Error ?? "refused by the host");
    }

    /// <summary>Waits on the host's clock; throws <see cref="OperationCanceledException"/> when the wait was cut short.</summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        values.DropPrefetched(); // the wait ends when the host says so: what changed meanwhile, the script's later reads see
        output.Flush(); // what the script printed before the wait reaches the host before it
        var reply = await rpc.InvokeWithCancellationAsync<HostReply<bool>>(WorkerMethods.ClockDelay, [runId, delay], cancellationToken);
        if (reply?.ErrorType is not null)
        {
            throw new OperationCanceledException(reply.Error);
        }
    }

    /// <summary>Sends a log line, unless the run has sent its share of output (<see cref="RemoteOutput.Charge"/>).</summary>
    public void Log(LogMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (output.Charge(message.Utf8Bytes()))
        {
            Notify(WorkerMethods.Log, message);
        }
    }

    public void Notify(string method, object? argument)
    {
        if (!runToken.IsCancellationRequested)
        {
            values.DropPrefetched();
            output.Flush(); // in order with the lines printed before it
            rpc.NotifyAsync(method, runId, argument).GetAwaiter().GetResult();
        }
    }

    private static Exception Rethrow(string type, string message) => type switch
    {
        nameof(ArgumentNullException) or nameof(ArgumentOutOfRangeException) or nameof(ArgumentException) => new ArgumentException(message),
        nameof(NotSupportedException) => new NotSupportedException(message),
        nameof(OperationCanceledException) or nameof(TaskCanceledException) => new OperationCanceledException(message),
        nameof(KeyNotFoundException) => new KeyNotFoundException(message),
        nameof(FormatException) => new FormatException(message),
        _ => new InvalidOperationException(message),
    };
}
