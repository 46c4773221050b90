using System.Text;

namespace MarketingOps.Scripting.Workers;

/// <summary>The beginning of what a worker wrote to its standard error (where the runtime reports a stack overflow), bounded.</summary>
internal sealed class StderrCapture : IDisposable
{
    private const int MaxChars = 64 * 1024;

    private readonly StringBuilder _text = new();
    private readonly Task _reading;

    private readonly StreamReader _reader;

    public StderrCapture(StreamReader reader)
    {
        _reader = reader;
        _reading = ReadAsync(reader);
    }

    /// <summary>Closes the host's end of the pipe (the descriptor closes when the read under way ends, with the worker).</summary>
    public void Dispose() => _reader.Dispose();

    /// <summary>What was captured, once the stream has ended (the process exited) or after a short wait.</summary>
    public async Task<string> TextAsync(TimeSpan wait)
    {
        await Task.WhenAny(_reading, Task.Delay(wait));
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (_text)
                {
                    if (_text.Length < MaxChars)
                    {
                        _text.Append(buffer, 0, Math.Min(read, MaxChars - _text.Length));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The worker is gone.
        }
        finally
        {
            reader.Dispose();
        }
    }
}
