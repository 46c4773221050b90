using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Protocol;

/// <summary>
/// A message to a worker is written on the sender's thread while it is small (no thread-pool thread to wake before the
/// worker can read it), and through the pipe's asynchronous write when it is large (the sender never blocks on it).
/// </summary>
public sealed class DirectWriteStreamTests
{
    [Fact]
    public async Task A_small_asynchronous_write_is_done_in_place_on_the_writers_thread()
    {
        var inner = new RecordingStream();
        await using var stream = new DirectWriteStream(inner, maxInPlace: 1024);

        var writing = stream.WriteAsync(new byte[1024], TestContext.Current.CancellationToken);

        Assert.True(writing.IsCompletedSuccessfully);
        Assert.Equal([Environment.CurrentManagedThreadId], inner.WriteThreads);
        Assert.Equal(0, inner.AsyncWrites);
        await writing;
    }

    [Fact]
    public async Task A_write_past_the_limit_keeps_the_pipes_asynchronous_write()
    {
        var inner = new RecordingStream();
        await using var stream = new DirectWriteStream(inner, maxInPlace: 1024);

        await stream.WriteAsync(new byte[1025], TestContext.Current.CancellationToken);

        Assert.Empty(inner.WriteThreads);
        Assert.Equal(1, inner.AsyncWrites);
        Assert.Equal(1025, inner.Written);
    }
}
