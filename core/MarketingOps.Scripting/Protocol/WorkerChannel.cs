using MessagePack;
using MessagePack.Resolvers;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace MarketingOps.Scripting.Protocol;

/// <summary>The same framing and formatter on both ends: JSON-RPC messages in MessagePack over the worker's standard input and output, length-prefixed.</summary>
internal static class WorkerChannel
{
    /// <param name="sending">Where this end writes.</param>
    /// <param name="receiving">Where this end reads.</param>
    /// <param name="inOrder">
    /// Serve incoming calls in order, one at a time (the host's end): a script's prints and calls reach the host in the
    /// order it made them, and a worker can never occupy more than one of the host's threads however many tasks it starts.
    /// </param>
    public static JsonRpc Create(Stream sending, Stream receiving, bool inOrder)
    {
        // MessagePack rather than JSON text: a script that lists thousands of posts and their metrics moves megabytes a
        // run, and MessagePack reads and writes them several times faster. Contractless: the API's own records, by
        // member name; UntrustedData: the host reads what a worker sends with hash-flooding and depth guards.
        var formatter = new MessagePackFormatter();
        formatter.SetMessagePackSerializerOptions(MessagePackSerializerOptions.Standard
            .WithResolver(CompositeResolver.Create(ContractlessStandardResolverAllowPrivate.Instance))
            .WithSecurity(MessagePackSecurity.UntrustedData));
        var rpc = new JsonRpc(new LengthHeaderMessageHandler(sending, receiving, formatter));
        if (inOrder)
        {
            rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);
        }

        return rpc;
    }
}
