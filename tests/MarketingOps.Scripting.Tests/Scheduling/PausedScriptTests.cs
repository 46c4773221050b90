using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Scheduling;
using MarketingOps.Scripting.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Tests.Scheduling;

/// <summary>A paused scheduled script says so once, not at every firing; paused again later, it says so again.</summary>
public sealed class PausedScriptTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_paused_script_logs_its_pause_once_however_often_it_fires()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", "1");
        await ScriptScheduleFile.UpsertAsync(folder.Root, new ScheduledScript("report", file, "0 * * * * ?") { Paused = "its worker died 3 runs in a row", PausedAt = Noon });
        var log = new CollectingLogger();
        using var runner = new ScriptRunner(new ScriptRunnerOptions());
        using var runs = new ScheduledScriptRuns();
        var work = new ScheduledScriptWork(new ScheduledScript("report", file, "0 * * * * ?"), folder.Root, runner, runs, new NoServices(), TimeProvider.System, new TypedLogger(log));

        for (var i = 0; i < 3; i++)
        {
            await work.RunAsync(new RecurringRun(Noon.AddMinutes(i + 1), null), TestContext.Current.CancellationToken);
        }

        await ScriptScheduleFile.UpdateAsync(folder.Root, "report", s => s with { Paused = "its worker died 3 runs in a row, again", PausedAt = Noon.AddHours(1) });
        await work.RunAsync(new RecurringRun(Noon.AddHours(1).AddMinutes(1), null), TestContext.Current.CancellationToken);

        var said = log.Lines.Where(l => l.StartsWith("Information:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, said.Count);
        Assert.Contains("is paused (its worker died 3 runs in a row)", said[0], StringComparison.Ordinal);
        Assert.Contains("is paused (its worker died 3 runs in a row, again)", said[1], StringComparison.Ordinal);
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class TypedLogger(ILogger inner) : ILogger<ScheduledScriptWork>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
