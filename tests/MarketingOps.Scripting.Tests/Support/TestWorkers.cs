using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>
/// Worker processes shared by the tests, so each test does not pay for starting a worker and warming the compiler.
/// Tests that count workers, kill them or check which worker a script lands on make pools of their own.
/// </summary>
public static class TestWorkers
{
    /// <summary>The shared pool. A script that checks its budget gets ten seconds to report where it stopped, so a loaded machine does not turn "stopped at line 2" into "killed".</summary>
    internal static ScriptWorkerPool Shared { get; } = new(Options());

    /// <summary>A runner over the shared pool, without a cache.</summary>
    internal static ScriptRunner Runner { get; } = new(new ScriptRunnerOptions(), pool: Shared);

    /// <summary>Worker options for tests: the shared pool's, changed by <paramref name="change"/>.</summary>
    internal static ScriptWorkerOptions Options(Action<ScriptWorkerOptions>? change = null)
    {
        var options = new ScriptWorkerOptions { MaxWorkers = 2, WarmWorkers = 2, KillGrace = TimeSpan.FromSeconds(10) };
        change?.Invoke(options);
        return options;
    }
}
