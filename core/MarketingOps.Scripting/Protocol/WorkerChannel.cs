using System.IO.Pipelines;
using MessagePack;
using MessagePack.Resolvers;
using StreamJsonRpc;

namespace MarketingOps.Scripting.Protocol;

/// <summary>The same framing and formatter on both ends: JSON-RPC messages in MessagePack over the worker's standard input and output, length-prefixed.</summary>
internal static class WorkerChannel
{
    /// <summary>The host's end: it serves a worker's calls in order and reads what the worker sends as untrusted.</summary>
    public static JsonRpc ForHost(Stream toWorker, Stream fromWorker) => Create(toWorker, fromWorker, host: true);

    /// <summary>The worker's end: it reads what its own host sends, and serves the host's calls as they come.</summary>
    public static JsonRpc ForWorker(Stream toHost, Stream fromHost) => Create(toHost, fromHost, host: false);

    /// <summary>The serializer's options for one end (exposed for the benchmark and tests).</summary>
    /// <param name="untrusted">
    /// Reading from a worker: hash-flooding and depth guards. The worker reads its host's data without them: the guards'
    /// collision-resistant dictionaries would slow every counter lookup a script makes on the snapshots it read.
    /// </param>
    public static MessagePackSerializerOptions Options(bool untrusted)
    {
        // MessagePack rather than JSON text: a script that lists thousands of posts and their metrics moves megabytes a
        // run. Posts and snapshots as compact arrays; everything else contractless (the API's own records, by member name).
        var options = MessagePackSerializerOptions.Standard
            .WithResolver(CompositeResolver.Create(ScriptValuesResolver.Instance, ContractlessStandardResolverAllowPrivate.Instance));
        return options.WithSecurity(untrusted ? MessagePackSecurity.UntrustedData : MessagePackSecurity.TrustedData);
    }

    private static JsonRpc Create(Stream sending, Stream receiving, bool host)
    {
        var formatter = new MessagePackFormatter();
        formatter.SetMessagePackSerializerOptions(Options(untrusted: host));
        // Writes go straight to the stream as each message is flushed: the stream overload would copy them through a
        // pipe that another thread pumps, one more thread to wake for every message both ways.
        var writer = PipeWriter.Create(sending, new StreamPipeWriterOptions(leaveOpen: false));
        var reader = ReaderThread.Start(receiving, host ? "mops script worker reader" : "mops worker: host reader");
        var rpc = new JsonRpc(new LengthHeaderMessageHandler(writer, reader, formatter));
        rpc.Disconnected += (_, _) => receiving.Dispose(); // as the stream overload does (the read under way ends when the other end closes)

        // Each message is handled on the end's reader thread as it is read, one at a time and in order: a script's prints
        // and calls reach the host in the order it made them, a worker can never occupy more than that one host thread
        // however many tasks it starts, and everything a worker sent before its answer has been handled by the time the
        // answer completes the call (JSON-RPC completes calls on the thread pool, after the reader has moved on).
        rpc.SynchronizationContext = new InlineSynchronizationContext();

        return rpc;
    }
}
