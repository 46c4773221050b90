using MessagePack;
using StreamJsonRpc.Protocol;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A run call, its answer or its cancellation, sent in the channel's length-prefixed framing beside the JSON-RPC
/// messages but as one MessagePack value of its own, and handled where it is read: a warm run then costs neither end
/// JSON-RPC's request, dispatch and completion. Its body starts with <see cref="Marker"/>, a byte no MessagePack value
/// starts with, then the kind.
/// </summary>
internal sealed class DirectFrame : JsonRpcMessage
{
    /// <summary>MessagePack's "never used" byte: nothing JSON-RPC sends begins with it.</summary>
    public const byte Marker = 0xC1;

    private DirectFrame(DirectFrameKind kind, byte[] value) => (Kind, Value) = (kind, value);

    public DirectFrameKind Kind { get; }

    /// <summary>The value, serialized.</summary>
    public byte[] Value { get; }

    /// <summary>A frame carrying <paramref name="value"/>, serialized with the channel's options.</summary>
    public static DirectFrame Of<T>(DirectFrameKind kind, T value, MessagePackSerializerOptions options) => new(kind, MessagePackSerializer.Serialize(value, options));

    public override string ToString() => $"direct frame {Kind}, {Value.Length} bytes";
}
