using System.Text;

namespace MarketingOps.Scripting.Workers;

/// <summary>The beginning of what a worker wrote to its standard error (where the runtime reports a stack overflow), bounded.</summary>
internal sealed class StderrCapture
{
    private const int MaxChars = 64 * 1024;

    private readonly StringBuilder _text = new();
    private readonly Task _reading;

    public StderrCapture(StreamReader reader) => _reading = ReadAsync(reader);

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
    }
}
