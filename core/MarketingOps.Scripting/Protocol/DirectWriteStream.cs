namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// One end's writing pipe with asynchronous writes of up to <paramref name="maxInPlace"/> bytes done in place, on the
/// writer's thread: a pipe's own asynchronous write hands each message to a thread-pool thread to write (and its flush
/// to another), one more thread to wake before the other end can read. A write returns at once while the pipe has
/// room, and waits only while the reader is behind, which is the back-pressure it should get. Larger writes keep the
/// pipe's asynchronous write: the host never blocks on a long message to a worker that stopped reading, and its
/// deadline still kills such a worker.
/// </summary>
internal sealed class DirectWriteStream(Stream inner, int maxInPlace = int.MaxValue) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        inner.Flush(); // nothing to do on a pipe: no thread for it
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length > maxInPlace)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        inner.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
