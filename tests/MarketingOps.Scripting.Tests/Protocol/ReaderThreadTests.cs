using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Protocol;

/// <summary>
/// The reader splits what the other end sends into frames: JSON-RPC messages go on to the JSON-RPC reader as they came,
/// a direct frame (a run call, its answer) is handed over whole, only after every message before it was handled, and a
/// direct frame that is too long or of no known kind ends the channel.
/// </summary>
public sealed class ReaderThreadTests
{
    private static readonly byte[] Message = Frame([0x82, 0xA1, 0x61, 0x01, 0xA1, 0x62, 0x02]); // a MessagePack map, as JSON-RPC sends

    [Theory]
    [InlineData(1 << 20)] // in one read
    [InlineData(1)] // a byte a read
    [InlineData(5)] // headers and bodies split across reads
    public async Task A_direct_frame_is_handed_over_whole_after_the_messages_before_it(int bytesPerRead)
    {
        var value = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var stream = new TrickleStream([.. Message, .. Direct(DirectFrameKind.Answer, value), .. Message], bytesPerRead);
        var forwarded = new List<byte>();
        var handed = new List<(DirectFrameKind Kind, byte[] Value, int ForwardedBefore)>();
        var thread = new ReaderThread(stream, "test reader", (kind, bytes) => handed.Add((kind, bytes.ToArray(), forwarded.Count)), maxDirectBytes: 1024);

        var reading = ReadAllAsync(thread.Reader, forwarded);
        thread.Start();
        await reading;

        var (kind, received, before) = Assert.Single(handed);
        Assert.Equal(DirectFrameKind.Answer, kind);
        Assert.Equal(value, received);
        Assert.Equal(Message.Length, before); // the message before it was read through first
        Assert.Equal([.. Message, .. Message], forwarded);
    }

    [Theory]
    [InlineData(100, 3)] // longer than the other end may send
    [InlineData(3, 99)] // of no known kind
    public async Task A_direct_frame_too_long_or_of_no_known_kind_ends_the_channel(int length, byte kind)
    {
        var stream = new TrickleStream([.. Direct((DirectFrameKind)kind, new byte[length]), .. Message], 1 << 20);
        var handed = 0;
        var thread = new ReaderThread(stream, "test reader", (_, _) => handed++, maxDirectBytes: 64);

        var reading = ReadAllAsync(thread.Reader, []);
        thread.Start();

        await Assert.ThrowsAsync<InvalidDataException>(() => reading);
        Assert.Equal(0, handed);
    }

    /// <summary>Reads as the JSON-RPC reader does: on the reader thread, as each flush arrives.</summary>
    private static async Task ReadAllAsync(PipeReader reader, List<byte> into)
    {
        while (true)
        {
            var result = await reader.ReadAsync();
            into.AddRange(result.Buffer.ToArray());
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                await reader.CompleteAsync();
                return;
            }
        }
    }

    private static byte[] Frame(byte[] body)
    {
        var frame = new byte[sizeof(int) + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame, sizeof(int));
        return frame;
    }

    private static byte[] Direct(DirectFrameKind kind, byte[] value) => Frame([DirectFrame.Marker, (byte)kind, .. value]);
}
