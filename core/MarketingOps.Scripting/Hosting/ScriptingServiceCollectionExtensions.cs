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
    /// <c>script:NAME</c> on its cron schedule. Worker limits come from the <c>Scripting</c> section of
    /// <paramref name="configuration"/>. Call after <c>AddMarketingOpsPublishing</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsScripting(this IServiceCollection services, string clientFolder, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(_ => ScriptingSettings.Read(configuration, clientFolder));
        services.TryAddSingleton(sp => new ScriptRunner(sp.GetRequiredService<ScriptRunnerOptions>(), TimeProvider.System, sp.GetService<ILogger<ScriptRunner>>()));
        services.TryAddSingleton<ScheduledScriptRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledScriptRuns>());
        foreach (var script in ScriptScheduleFile.Read(clientFolder))
        {
            services.AddSingleton<IRecurringWork>(sp => new ScheduledScriptWork(
                script,
                clientFolder,
                sp.GetRequiredService<ScriptRunner>(),
                sp.GetRequiredService<ScheduledScriptRuns>(),
                sp,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<ScheduledScriptWork>>()));
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
