using System.IO.Pipelines;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// One end of the channel read by a thread of its own with blocking reads, into a pipe whose reader runs inline: the
/// JSON-RPC read loop parses each message on that thread as it arrives. An asynchronous read would wake a thread-pool
/// thread for every message (and on the worker's standard input, queue one more for every read), which on two busy
/// cores costs more than the message. The pipe pauses the thread once a bounded amount waits unparsed.
/// </summary>
internal static class ReaderThread
{
    private const int ReadSize = 16 * 1024;

    /// <summary>Starts reading <paramref name="stream"/> until it ends or fails; the reader sees the failure as the channel's.</summary>
    public static PipeReader Start(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var pipe = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
        var thread = new Thread(() => Pump(stream, pipe.Writer)) { IsBackground = true, Name = name };
        thread.Start();
        return pipe.Reader;
    }

    private static void Pump(Stream stream, PipeWriter writer)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var read = stream.Read(writer.GetMemory(ReadSize).Span);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flushing = writer.FlushAsync();
                var flushed = flushing.IsCompleted ? flushing.Result : flushing.AsTask().GetAwaiter().GetResult();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex; // the other end is gone, or it sent more than it may (TrafficLimitStream)
        }

        writer.Complete(failure);
    }
}
