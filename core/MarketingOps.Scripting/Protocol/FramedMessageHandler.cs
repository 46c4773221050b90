using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// JSON-RPC's length-prefixed MessagePack framing, writing <see cref="DirectFrame"/>s too: they take the same turn
/// (JSON-RPC's one-writer-at-a-time) so a frame never interleaves with a message. They are read by <see cref="ReaderThread"/>.
/// </summary>
internal sealed class FramedMessageHandler(PipeWriter writer, PipeReader reader, IJsonRpcMessageFormatter formatter)
    : LengthHeaderMessageHandler(writer, reader, formatter)
{
    /// <summary>The length prefix, the marker and the kind.</summary>
    public const int Overhead = sizeof(int) + 2;

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is not DirectFrame frame)
        {
            base.Write(content, cancellationToken);
            return;
        }

        var span = Writer!.GetSpan(Overhead);
        BinaryPrimitives.WriteInt32BigEndian(span, checked(frame.Value.Length + 2));
        span[4] = DirectFrame.Marker;
        span[5] = (byte)frame.Kind;
        Writer.Advance(Overhead);
        Writer.Write(frame.Value);
    }
}
