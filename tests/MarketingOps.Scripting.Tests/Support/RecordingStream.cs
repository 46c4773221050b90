namespace MarketingOps.Scripting.Tests.Support;

/// <summary>A writable stream that records how it was written to: in place (and on which thread) or asynchronously.</summary>
public sealed class RecordingStream : Stream
{
    public List<int> WriteThreads { get; } = [];

    public int AsyncWrites { get; private set; }

    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WriteThreads.Add(Environment.CurrentManagedThreadId);
        Written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        AsyncWrites++;
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
