using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Hosting;

/// <summary>Registers the script runner and the client's scheduled scripts with the host's container.</summary>
public static class ScriptingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the script runner (compile cache in <c>&lt;client&gt;/cache/scripts</c>, worker processes started on the
    /// first script, never before) and, for each script in <c>&lt;client&gt;/scripts.json</c>, a recurring job
    /// <c>script:NAME</c> on its cron schedule, kept up to date with the file while the host runs. Worker limits come from the <c>Scripting</c> section of
    /// <paramref name="configuration"/>. Call after <c>AddMarketingOpsPublishingEngine</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsScripting(this IServiceCollection services, string clientFolder, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(_ => ScriptingSettings.Read(configuration, clientFolder));
        services.TryAddSingleton(sp => new ScriptRunner(sp.GetRequiredService<ScriptRunnerOptions>(), TimeProvider.System, sp.GetService<ILogger<ScriptRunner>>()));
        services.TryAddSingleton<ScheduledScriptRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledScriptRuns>());
        _ = ScriptScheduleFile.Read(clientFolder); // a scripts.json with problems stops the host now, every problem listed
        services.TryAddSingleton(sp => new ScheduledScriptSource(clientFolder, sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecurringWorkSource, ScheduledScriptSource>(sp => sp.GetRequiredService<ScheduledScriptSource>()));
        // Polling a file is on the real clock, whatever clock a demo simulates.
        services.AddHostedService(sp => new ScriptScheduleWatcher(
            sp.GetRequiredService<ScheduledScriptSource>(),
            sp.GetRequiredService<RecurringSchedule>(),
            clientFolder,
            TimeProvider.System,
            sp.GetRequiredService<ILogger<ScriptScheduleWatcher>>()));
        return services;
    }
}
