using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Hosting;

/// <summary>
/// A client's host on a clock moved by hand, for the demo and rehearsals: Quartz fires by the wall clock, so publish
/// triggers are kept by <see cref="DemoPublishScheduler"/> and fired by the caller; plugins are loaded and the sandbox must be active.
/// </summary>
internal static class AcceleratedHost
{
    public static (IHost Host, DemoPublishScheduler Triggers) Build(ClientFolder folder, DemoClock clock, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var options = new MopsHostOptions(folder) { Verbose = verbose, Clock = clock, ConsoleLevel = Serilog.Events.LogEventLevel.Error };
        ErrorReporter.LogPattern = Logging.FilePattern(folder);
        var builder = MopsHost.CreateBuilder(options);
        var triggers = new DemoPublishScheduler();
        builder.Services.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(triggers));
        var host = builder.Build();
        host.Services.GetRequiredService<PluginManager>().LoadAll();
        if (host.Services.GetRequiredService<IPlatformRegistry>().FindPlatform("sandbox") is null)
        {
            host.Dispose();
            throw new UserFacingException("the sandbox plugin is not active; run `mops plugins list` to see why");
        }

        return (host, triggers);
    }
}
