using MarketingOps.Core.Experiments;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Scripting.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Engine;

/// <summary>Builds the <see cref="ScriptServices"/> of a run from the host's container: its accounts, the publishing engine, its clock and log.</summary>
internal static class HostScriptServices
{
    public static ScriptServices Create(IServiceProvider services, string scriptFile, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.GetRequiredService<IPlatformRegistry>();
        var accounts = registry.Accounts
            .Select(a => new ScriptAccount(a.Name, a.Platform, a.TimeZone.Id))
            .ToList();
        var engine = services.GetService<ExperimentService>();
        return new ScriptServices(
            accounts,
            new EngineScriptPosts(services.GetRequiredService<PostService>(), engine is null ? null : ExperimentNames(engine)),
            services.GetService<IScriptMetrics>() ?? new NoScriptMetrics(),
            services.GetService<IScriptExperiments>() ?? (engine is null ? new NoScriptExperiments() : new EngineScriptExperiments(engine)))
        {
            Clock = services.GetRequiredService<TimeProvider>(),
            Log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Script." + Path.GetFileNameWithoutExtension(scriptFile)),
            Output = output,
        };
    }

    /// <summary>Experiment id to name, looked up again when an id is new (an experiment the script just started).</summary>
    private static Func<string, string> ExperimentNames(ExperimentService engine)
    {
        Dictionary<string, string>? names = null;
        return id =>
        {
            if (names is null || !names.ContainsKey(id))
            {
                names = engine.ListAsync(CancellationToken.None).GetAwaiter().GetResult().ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
            }

            return names.GetValueOrDefault(id, id);
        };
    }
}
