using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Storage;
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
        // The experiments engine, where the host has it: its store holds the metrics and its service runs experiments.
        var experiments = services.GetService<ExperimentService>();
        var store = services.GetService<IExperimentStore>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Script." + Path.GetFileNameWithoutExtension(scriptFile));
        return new ScriptServices(
            accounts,
            new EngineScriptPosts(services.GetRequiredService<PostService>(), experiments),
            services.GetService<IScriptMetrics>() ?? (store is null ? new NoScriptMetrics() : new EngineScriptMetrics(store)),
            services.GetService<IScriptExperiments>() ?? (experiments is null ? new NoScriptExperiments() : new EngineScriptExperiments(experiments, log)))
        {
            Clock = services.GetRequiredService<TimeProvider>(),
            Log = log,
            Output = output,
        };
    }
}
