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
        return new ScriptServices(
            accounts,
            new EngineScriptPosts(services.GetRequiredService<PostService>()),
            services.GetService<IScriptMetrics>() ?? new NoScriptMetrics(),
            services.GetService<IScriptExperiments>() ?? new NoScriptExperiments())
        {
            Clock = services.GetRequiredService<TimeProvider>(),
            Log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Script." + Path.GetFileNameWithoutExtension(scriptFile)),
            Output = output,
        };
    }
}
