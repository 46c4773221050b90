using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Workers;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>An in-memory host at a fixed instant, with captured output and log, and a runner whose scripts run in worker processes.</summary>
public sealed class TestHost
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <param name="cacheDirectory">The compile cache; null for none.</param>
    /// <param name="pool">The workers; null for the tests' shared pool.</param>
    internal TestHost(string? cacheDirectory = null, ScriptWorkerPool? pool = null)
    {
        Clock = new FakeTimeProvider(Start);
        Host = new InMemoryScriptHost(InMemoryScriptHost.SampleAccounts, Clock, Output, Log);
        Runner = new ScriptRunner(new ScriptRunnerOptions { CacheDirectory = cacheDirectory, DefaultTimeout = TimeSpan.FromSeconds(30) }, pool: pool ?? TestWorkers.Shared);
    }

    public TestHost(string? cacheDirectory)
        : this(cacheDirectory, null)
    {
    }

    public TestHost()
        : this(null, null)
    {
    }

    public FakeTimeProvider Clock { get; }

    public SignallingWriter Output { get; } = new();

    public CollectingLogger Log { get; } = new();

    internal InMemoryScriptHost Host { get; }

    internal ScriptRunner Runner { get; }

    internal Task<ScriptRunResult> RunAsync(string file, TimeSpan? timeout = null, bool dryRun = false, params string[] args)
        => Runner.RunAsync(file, new ScriptRunRequest(Host.Services) { Timeout = timeout, DryRun = dryRun, Args = args }, TestContext.Current.CancellationToken);
}
