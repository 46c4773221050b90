using System.IO.Pipelines;
using MessagePack;
using MessagePack.Resolvers;
using StreamJsonRpc;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// The same framing and formatter on both ends: JSON-RPC messages in MessagePack over the worker's standard input and
/// output, length-prefixed, and beside them the <see cref="DirectFrame"/>s of a run call and its answer.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    private readonly FramedMessageHandler _handler;
    private readonly ReaderThread _reader;

    private WorkerChannel(Stream sending, Stream receiving, bool host, Action<DirectFrameKind, ReadOnlyMemory<byte>> receive, long maxDirectBytes)
    {
        SerializerOptions = Options(untrusted: host);
        var formatter = new MessagePackFormatter();
        formatter.SetMessagePackSerializerOptions(SerializerOptions);

        // Writes go straight to the stream as each message is flushed: the stream overload would copy them through a
        // pipe that another thread pumps, one more thread to wake for every message both ways.
        var writer = PipeWriter.Create(sending, new StreamPipeWriterOptions(leaveOpen: false));
        _reader = new ReaderThread(receiving, host ? "mops script worker reader" : "mops worker: host reader", receive, maxDirectBytes);
        _handler = new FramedMessageHandler(writer, _reader.Reader, formatter);
        Rpc = new JsonRpc(_handler);
        Rpc.Disconnected += (_, _) => receiving.Dispose(); // as the stream overload does (the read under way ends when the other end closes)

        // Each message is handled on the end's reader thread as it is read, one at a time and in order: a script's prints
        // and calls reach the host in the order it made them, a worker can never occupy more than that one host thread
        // however many tasks it starts, and everything a worker sent before its answer has been handled by the time the
        // answer is read.
        Rpc.SynchronizationContext = new InlineSynchronizationContext();
    }

    public JsonRpc Rpc { get; }

    /// <summary>This end's serializer options, for the direct frames' values.</summary>
    public MessagePackSerializerOptions SerializerOptions { get; }

    /// <summary>The host's end: it serves a worker's calls in order and reads what the worker sends as untrusted.</summary>
    /// <param name="toWorker">The worker's standard input.</param>
    /// <param name="fromWorker">Its standard output.</param>
    /// <param name="receive">Takes the worker's direct frames on the reader thread.</param>
    /// <param name="maxDirectBytes">The longest direct frame the worker may send.</param>
    public static WorkerChannel ForHost(Stream toWorker, Stream fromWorker, Action<DirectFrameKind, ReadOnlyMemory<byte>> receive, long maxDirectBytes)
        => new(toWorker, fromWorker, host: true, receive, maxDirectBytes);

    /// <summary>The worker's end: it reads what its own host sends, and serves the host's calls as they come.</summary>
    public static WorkerChannel ForWorker(Stream toHost, Stream fromHost, Action<DirectFrameKind, ReadOnlyMemory<byte>> receive)
        => new(toHost, fromHost, host: false, receive, int.MaxValue);

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

    /// <summary>Starts reading: nothing the other end sends is handled before.</summary>
    public void Start()
    {
        Rpc.StartListening();
        _reader.Start();
    }

    /// <summary>Sends <paramref name="value"/> as a direct frame, in turn with the JSON-RPC messages.</summary>
    public ValueTask SendAsync<T>(DirectFrameKind kind, T value) => _handler.WriteAsync(DirectFrame.Of(kind, value, SerializerOptions), CancellationToken.None);

    public void Dispose() => Rpc.Dispose();
}
