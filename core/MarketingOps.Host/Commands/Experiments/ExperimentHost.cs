using MarketingOps.Core.Experiments;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>The client's host for one experiment command: built, not started (no scheduler, no store lock), plugins loaded.</summary>
internal static class ExperimentHost
{
    public static IHost Build(GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new MopsHostOptions(ClientFolder.Resolve(settings.Home)) { Verbose = settings.Verbose, ConsoleLevel = Serilog.Events.LogEventLevel.Error };
        ErrorReporter.LogPattern = Logging.FilePattern(options.Folder);
        var builder = MopsHost.CreateBuilder(options);
        builder.Services.AddMarketingOpsExperiments(builder.Configuration);
        var host = builder.Build();

        // Accounts and their time zones come from plugins.json; plugin problems surface as "platform is not active".
        host.Services.GetRequiredService<PluginManager>().LoadAll();
        return host;
    }

    /// <summary>Runs <paramref name="action"/>; an experiment request that cannot be carried out becomes a clear error listing every problem.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (ExperimentRequestException ex)
        {
            throw new UserFacingException(ex.Problems.Count == 1
                ? ex.Problems[0]
                : $"{ex.Problems.Count} problems:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Problems)}", ex);
        }
    }
}
