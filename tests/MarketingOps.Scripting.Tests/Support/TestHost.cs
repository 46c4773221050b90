using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>An in-memory host at a fixed instant, with captured output and log, and a runner over a script folder.</summary>
public sealed class TestHost
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public TestHost(string? cacheDirectory = null)
    {
        Clock = new FakeTimeProvider(Start);
        Host = new InMemoryScriptHost(InMemoryScriptHost.SampleAccounts, Clock, Output, Log);
        Runner = new ScriptRunner(new ScriptRunnerOptions { CacheDirectory = cacheDirectory, DefaultTimeout = TimeSpan.FromSeconds(30) });
    }

    public FakeTimeProvider Clock { get; }

    public StringWriter Output { get; } = new();

    public CollectingLogger Log { get; } = new();

    internal InMemoryScriptHost Host { get; }

    internal ScriptRunner Runner { get; }

    internal Task<ScriptRunResult> RunAsync(string file, TimeSpan? timeout = null, bool dryRun = false, params string[] args)
        => Runner.RunAsync(file, new ScriptRunRequest(Host.Services) { Timeout = timeout, DryRun = dryRun, Args = args }, TestContext.Current.CancellationToken);
}
