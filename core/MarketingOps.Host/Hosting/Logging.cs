using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Host.Hosting;

/// <summary>Serilog for a command that builds a host: the console plus a rolling compact-JSON file in the client folder.</summary>
internal static class Logging
{
    public const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The log files' path pattern, printed with an unhandled error.</summary>
    public static string FilePattern(ClientFolder folder) => Path.Combine(folder.LogsDirectory, "mops-.json");

    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, MopsHostOptions options)
    {
        var consoleLevel = options.Verbose ? LogEventLevel.Debug : options.ConsoleLevel;

        // No sink takes an event below this, so none is built: the token handler's debug line on every API request
        // cost 3 % of the API's CPU, to be dropped by both sinks. A "Serilog" section may still ask for more.
        var floor = consoleLevel < LogEventLevel.Information ? consoleLevel : LogEventLevel.Information;
        logger
            .MinimumLevel.Is(floor)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            // The cookie key ring lives unencrypted in the client's own store, as the data it protects access to does.
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogEventLevel.Error)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: CultureInfo.InvariantCulture, restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose)
            .WriteTo.File(
                new CompactJsonFormatter(),
                FilePattern(options.Folder),
                restrictedToMinimumLevel: LogEventLevel.Information,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                shared: true);

        // Reading Serilog's settings scans assemblies for sinks; a client without a "Serilog" section skips that cost on every CLI call.
        if (configuration.GetSection("Serilog").Exists())
        {
            logger.ReadFrom.Configuration(configuration);
        }
    }
}
