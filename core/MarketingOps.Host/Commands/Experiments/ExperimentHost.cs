using MarketingOps.Core.Experiments;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>The client's host with plugins loaded and the experiments engine, for one experiment command.</summary>
internal static class ExperimentHost
{
    public static async Task<IHost> StartAsync(GlobalSettings settings, CancellationToken cancellationToken)
    {
        var options = new MopsHostOptions(ClientFolder.Resolve(settings.Home)) { Verbose = settings.Verbose, ConsoleLevel = Serilog.Events.LogEventLevel.Error };
        ErrorReporter.LogPattern = Logging.FilePattern(options.Folder);
        var builder = MopsHost.CreateBuilder(options);

        // Until the host registers publishing itself, experiments bring it (the post store and PostService).
        if (!builder.Services.Any(d => d.ServiceType == typeof(PostService)))
        {
            builder.Services.AddMarketingOpsPublishing(builder.Configuration, options.Folder.Root);
        }

        builder.Services.AddMarketingOpsExperiments(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
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
