using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary>The script's <c>Log</c> under <c>mops script run</c>: to the host's log, and from Information up also to stderr, where the marketer watches.</summary>
internal sealed class ScriptConsoleLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        inner.Log(logLevel, eventId, state, exception, formatter);
        if (logLevel >= LogLevel.Information)
        {
            Console.Error.WriteLine($"[{Label(logLevel)}] {formatter(state, exception)}");
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };
}
