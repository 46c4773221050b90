using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>How a worker process is started: the runtime settings it gets, read from the live process.</summary>
public sealed class WorkerLaunchTests
{
    [Fact]
    public async Task A_worker_runs_without_profile_guided_tiering()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var worker = await pool.AcquireAsync(null, longRun: false, TestContext.Current.CancellationToken);
        try
        {
            var environment = File.ReadAllText($"/proc/{worker.ProcessId}/environ").Split('\0');

            // Off, as a short-lived worker's warm runs are faster without its extra instrumented tier.
            Assert.Contains("DOTNET_TieredPGO=0", environment);
        }
        finally
        {
            pool.Release(worker, recycle: true);
        }
    }
}
