using System.Diagnostics;
using System.Globalization;
using MarketingOps.Scripting.Protocol;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script's <c>Log</c> inside a worker: each entry is formatted here (a script object's <c>ToString</c> runs in the
/// worker) and goes to the host as text, with its template and values as text so the host's log stays structured.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteLogger(HostConnection host) : ILogger
{
    private const int MaxValue = 4096;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Debug and < LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var text = formatter(state, exception);
        if (exception is not null)
        {
            text += $" ({exception.GetType().Name}: {exception.Message})";
        }

        string? template = null;
        var values = new List<KeyValuePair<string, string?>>();
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (name, value) in pairs)
            {
                if (name == "{OriginalFormat}")
                {
                    template = value as string;
                }
                else
                {
                    values.Add(new(name, Clip(Convert.ToString(value, CultureInfo.InvariantCulture))));
                }
            }
        }

        host.Log(new LogMessage(logLevel, Clip(text)!, template, values));
    }

    private static string? Clip(string? text) => text is { Length: > MaxValue } ? text[..MaxValue] + "…" : text;
}
