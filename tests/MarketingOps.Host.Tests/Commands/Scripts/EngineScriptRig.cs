using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Hosting;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// A client folder with the real sandbox plugin and the host's real container (post store, publishing executor,
/// experiments engine, script runner), on a clock the test moves: scripts run exactly as under <c>mops script run</c>,
/// and time passes as in <c>mops demo</c> (due posts through the executor, the metrics job after every step).
/// </summary>
internal sealed class EngineScriptRig : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly IHost _host;

    /// <param name="ratesJson">The sandbox's rate rules, e.g. <c>[ { "variant": "B", "clickRate": 0.02 } ]</c>.</param>
    public EngineScriptRig(string? ratesJson = null)
    {
        _folder.WriteSandboxPluginsJson(
            $$"""{ "seed": 3, "duplicateWindowHours": 0, "defaultRates": { "clickRate": 0.01 }{{(ratesJson is null ? "" : $", \"rates\": {ratesJson}")}} }""",
            """
            [ { "name": "brand", "timeZone": "Europe/Berlin", "settings": { "followers": 20000 } },
              { "name": "brand-ny", "timeZone": "America/New_York", "settings": { "followers": 20000 } } ]
            """);

        // No mops.json: the examples run under the default guardrails, as a client's would.
        var builder = MopsHost.CreateBuilder(new MopsHostOptions(new ClientFolder(_folder.Root)) { Clock = Clock, ConsoleLevel = Serilog.Events.LogEventLevel.Fatal });
        builder.Services.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(Triggers));
        _host = builder.Build();
        _host.Services.GetRequiredService<PluginManager>().LoadAll();
        if (_host.Services.GetRequiredService<IPlatformRegistry>().FindPlatform("sandbox") is null)
        {
            throw new InvalidOperationException("the sandbox plugin did not load; build it first (dotnet build plugins/MarketingOps.Plugins.Sandbox) and check its settings");
        }

        Simulation = new DemoSimulation(
            Clock,
            Triggers,
            _host.Services.GetRequiredService<PublishExecutor>(),
            _host.Services.GetRequiredService<ExperimentMetricsCollector>(),
            Experiments);
    }

    public DemoClock Clock { get; } = new(Start);

    public DemoPublishScheduler Triggers { get; } = new();

    public DemoSimulation Simulation { get; }

    public StringWriter Output { get; } = new();

    public IServiceProvider Services => _host.Services;

    public ExperimentService Experiments => _host.Services.GetRequiredService<ExperimentService>();

    /// <summary>The script services a run gets, as <c>mops script run</c> builds them.</summary>
    public ScriptServices ScriptServices(string file = "test.csx") => HostScriptServices.Create(_host.Services, file, Output);

    /// <summary>Runs an example from the repository's <c>scripts/</c>.</summary>
    public Task<ScriptRunResult> RunExampleAsync(string example, params string[] args)
    {
        var file = Path.Combine(MopsProcess.RepositoryRoot, "scripts", example);
        return _host.Services.GetRequiredService<ScriptRunner>().RunAsync(
            file,
            new ScriptRunRequest(ScriptServices(file)) { Args = args, Timeout = TimeSpan.FromSeconds(60) },
            TestContext.Current.CancellationToken);
    }

    /// <summary>Moves time on, publishing what falls due and collecting metrics every <paramref name="step"/>.</summary>
    public Task AdvanceAsync(TimeSpan duration, TimeSpan? step = null) =>
        Simulation.AdvanceAsync(duration, step: step, cancellationToken: TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }
}
