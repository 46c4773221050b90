namespace MarketingOps.Scripting.Workers;

/// <summary>
/// What the host reads from a worker, counted per run: past the limit the read fails, the connection drops and the
/// worker is killed. However a worker floods (one huge message or a million small ones), the host buffers a bounded amount.
/// </summary>
internal sealed class TrafficLimitStream(Stream inner, long limit) : Stream
{
    private long _count;

    public bool Exceeded { get; private set; }

    public long Limit => limit;

    /// <summary>Starts a new run's count.</summary>
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (Interlocked.Add(ref _count, read) > limit)
        {
            Exceeded = true;
            throw new IOException($"the script worker sent more than {limit / 1048576} MB in one run");
        }

        return read;
    }
}
