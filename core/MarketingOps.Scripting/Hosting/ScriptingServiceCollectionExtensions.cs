using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Hosting;

/// <summary>Registers the script runner and the client's scheduled scripts with the host's container.</summary>
public static class ScriptingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the script runner (compile cache in <c>&lt;client&gt;/cache/scripts</c>) and, for each script in
    /// <c>&lt;client&gt;/scripts.json</c>, a recurring job <c>script:NAME</c> on its cron schedule. Call after
    /// <c>AddMarketingOpsPublishing</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsScripting(this IServiceCollection services, string clientFolder)
    {
        services.TryAddSingleton(new ScriptRunnerOptions { CacheDirectory = Path.Combine(clientFolder, "cache", "scripts") });
        services.TryAddSingleton(sp => new ScriptRunner(sp.GetRequiredService<ScriptRunnerOptions>(), TimeProvider.System, sp.GetService<ILogger<ScriptRunner>>()));
        foreach (var script in ScriptScheduleFile.Read(clientFolder))
        {
            services.AddSingleton<IRecurringWork>(sp => new ScheduledScriptWork(script, sp.GetRequiredService<ScriptRunner>(), sp, sp.GetRequiredService<ILogger<ScheduledScriptWork>>()));
            services.PostConfigure<SchedulingOptions>(o => o.CronJobs.Add(new CronJobOptions
            {
                Name = script.WorkName,
                Cron = script.Cron,
                TimeZone = script.TimeZone,
                Work = script.WorkName,
            }));
        }

        return services;
    }
}
