using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// One end of the channel read by a thread of its own with blocking reads. JSON-RPC messages go on into a pipe whose
/// reader runs inline: the JSON-RPC read loop parses each message on that thread as it arrives. A
/// <see cref="DirectFrame"/> goes to <c>receive</c>, on the same thread, once every message before it was handled. An
/// asynchronous read would wake a thread-pool thread for every message (and on the worker's standard input, queue one
/// more for every read), which on two busy cores costs more than the message. The pipe pauses the thread once a bounded
/// amount waits unparsed.
/// </summary>
internal sealed class ReaderThread
{
    private const int ReadSize = 16 * 1024;
    private const int HeaderSize = sizeof(int);

    private readonly Stream _stream;
    private readonly Action<DirectFrameKind, ReadOnlyMemory<byte>> _receive;
    private readonly long _maxDirectBytes;
    private readonly Pipe _pipe = new(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
    private readonly Thread _thread;
    private readonly byte[] _header = new byte[HeaderSize];
    private int _headerRead;
    private int _bodyLeft = -1; // -1 while a header is read
    private bool _decided; // whether the frame being read is a direct one is known
    private ArrayBufferWriter<byte>? _direct; // the direct frame being read
    private bool _unflushed;

    /// <param name="stream">What the other end writes.</param>
    /// <param name="name">The thread's name.</param>
    /// <param name="receive">Takes each direct frame's kind and value; what it throws ends the channel.</param>
    /// <param name="maxDirectBytes">The longest direct frame the other end may send; a longer one ends the channel.</param>
    public ReaderThread(Stream stream, string name, Action<DirectFrameKind, ReadOnlyMemory<byte>> receive, long maxDirectBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(receive);
        (_stream, _receive, _maxDirectBytes) = (stream, receive, maxDirectBytes);
        _thread = new Thread(Pump) { IsBackground = true, Name = name };
    }

    /// <summary>The JSON-RPC messages, framed as they came.</summary>
    public PipeReader Reader => _pipe.Reader;

    /// <summary>Starts reading until the stream ends or fails; the reader sees the failure as the channel's.</summary>
    public void Start() => _thread.Start();

    private void Pump()
    {
        Exception? failure = null;
        try
        {
            var buffer = new byte[ReadSize];
            while (_stream.Read(buffer) is > 0 and var read && Consume(buffer.AsSpan(0, read)) && Flush())
            {
            }
        }
        catch (Exception ex)
        {
            failure = ex; // the other end is gone, broke the framing, or sent more than it may (TrafficLimitStream)
        }

        _pipe.Writer.Complete(failure);
    }

    /// <summary>Splits what was read into frames; false once the JSON-RPC reader stopped reading.</summary>
    private bool Consume(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_bodyLeft < 0)
            {
                var part = Math.Min(HeaderSize - _headerRead, data.Length);
                data[..part].CopyTo(_header.AsSpan(_headerRead));
                _headerRead += part;
                data = data[part..];
                if (_headerRead == HeaderSize)
                {
                    (_bodyLeft, _headerRead, _decided) = (BinaryPrimitives.ReadInt32BigEndian(_header), 0, false);
                    if (_bodyLeft <= 0)
                    {
                        throw new InvalidDataException("The other end sent a frame of no length.");
                    }
                }

                continue;
            }

            if (!_decided)
            {
                _decided = true;
                if (data[0] == DirectFrame.Marker)
                {
                    _direct = _bodyLeft <= _maxDirectBytes ? new ArrayBufferWriter<byte>(Math.Min(_bodyLeft, ReadSize))
                        : throw new InvalidDataException($"The other end sent a frame of {_bodyLeft:N0} bytes, past the {_maxDirectBytes:N0} it may.");
                }
                else
                {
                    Forward(_header);
                }
            }

            var take = Math.Min(_bodyLeft, data.Length);
            if (_direct is { } direct)
            {
                direct.Write(data[..take]);
            }
            else
            {
                Forward(data[..take]);
            }

            _bodyLeft -= take;
            data = data[take..];
            if (_bodyLeft == 0 && _direct is { } complete)
            {
                // The messages before it are handled first: a run's prints and calls before its answer.
                (_bodyLeft, _direct) = (-1, null);
                if (!Flush())
                {
                    return false;
                }

                Deliver(complete.WrittenMemory);
            }
            else if (_bodyLeft == 0)
            {
                _bodyLeft = -1;
            }
        }

        return true;
    }

    private void Forward(ReadOnlySpan<byte> bytes)
    {
        _pipe.Writer.Write(bytes);
        _unflushed = true;
    }

    /// <summary>Hands what was forwarded to the JSON-RPC reader (which parses it on this thread); false once it stopped reading.</summary>
    private bool Flush()
    {
        if (!_unflushed)
        {
            return true;
        }

        _unflushed = false;
        var flushing = _pipe.Writer.FlushAsync();
        var flushed = flushing.IsCompleted ? flushing.Result : flushing.AsTask().GetAwaiter().GetResult();
        return !flushed.IsCompleted && !flushed.IsCanceled;
    }

    private void Deliver(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length < 2 || !Enum.IsDefined((DirectFrameKind)frame.Span[1]))
        {
            throw new InvalidDataException("The other end sent a direct frame of no known kind.");
        }

        _receive((DirectFrameKind)frame.Span[1], frame[2..]);
    }
}
