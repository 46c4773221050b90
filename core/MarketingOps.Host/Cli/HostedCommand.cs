using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>A command that works on a client folder through the generic host.</summary>
internal abstract class HostedCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    /// <summary>Builds (but does not start) the client's host.</summary>
    /// <param name="settings">The command's settings.</param>
    /// <param name="configure">Changes to the host's options.</param>
    protected static IHost BuildHost(TSettings settings, Func<MopsHostOptions, MopsHostOptions>? configure = null)
    {
        var options = Options(settings, configure);
        ErrorReporter.LogPattern = Logging.FilePattern(options.Folder);
        ErrorReporter.SettingsFile = DisplayPath.Of(options.Folder.SettingsFile);
        var host = MopsHost.CreateBuilder(options).Build();
        var storage = StorageOptions.From(host.Services.GetRequiredService<IConfiguration>());
        try
        {
            // Storage settings that contradict each other are refused before anything touches a store.
            StorageOptionsValidator.Checked(storage);
        }
        catch (OptionsValidationException)
        {
            host.Dispose();
            throw;
        }

        ErrorReporter.StoreFiles = storage.Kind == StorageKind.Sqlite ? host.Services.GetRequiredService<StoragePaths>() : null;
        return host;
    }

    protected static MopsHostOptions Options(TSettings settings, Func<MopsHostOptions, MopsHostOptions>? configure = null)
    {
        var options = new MopsHostOptions(ClientFolder.Resolve(settings.Home)) { Verbose = settings.Verbose };
        return configure is null ? options : configure(options);
    }
}
