using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>Keeps each log line as formatted text (never the state object, which may be of a script's type).</summary>
public sealed class CollectingLogger : ILogger
{
    private readonly List<string> _lines = [];

    /// <summary>Raised with each line as it is logged.</summary>
    public event Action<string>? Logged;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{logLevel}: {formatter(state, exception)}";
        lock (_lines)
        {
            _lines.Add(line);
        }

        Logged?.Invoke(line);
    }
}
