using MarketingOps.Core.Configuration;
using MarketingOps.Core.Plugins;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Hosting;

/// <summary>Loads the plugins when the host starts; configuration problems stop the host before anything is scheduled.</summary>
internal sealed class PluginStartup(PluginManager plugins) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = plugins.LoadAll();
        return problems.Count > 0 ? throw new ConfigurationException(problems) : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
