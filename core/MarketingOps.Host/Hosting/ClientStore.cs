using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Host.Hosting;

/// <summary>
/// A client folder's post store and accounts, read the way the host reads them (<c>mops.json</c>, then <c>MOPS_</c>
/// environment variables; <c>plugins.json</c>) but without building the host: a read-only command such as
/// <c>mops post list</c> needs neither Quartz, the plugins, dependency injection nor the log file, and paid for them
/// on every call (issue 12).
/// </summary>
internal sealed class ClientStore : IAsyncDisposable
{
    private ClientStore(IPostStore posts, PluginsFile plugins)
    {
        Posts = posts;
        Accounts = plugins.Plugins.SelectMany(p => p.Accounts).ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IPostStore Posts { get; }

    /// <summary>The accounts of <c>plugins.json</c>, by name.</summary>
    public IReadOnlyDictionary<string, ClientAccount> Accounts { get; }

    /// <summary>Opens the store of the folder <paramref name="settings"/> name; settings the host would refuse are refused here too.</summary>
    public static ClientStore Open(GlobalSettings settings)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        ErrorReporter.LogPattern = Logging.FilePattern(folder);
        ErrorReporter.SettingsFile = DisplayPath.Of(folder.SettingsFile);
        var configuration = new ConfigurationBuilder().AddClientSettings(folder).Build();
        var storage = StorageOptionsValidator.Checked(StorageOptions.From(configuration));

        var plugins = PluginsFileReader.Read(folder.PluginsFile);
        var paths = StoragePaths.For(folder.Root, storage);
        ErrorReporter.StoreFiles = storage.Kind == StorageKind.Sqlite ? paths : null;
        return new ClientStore(AdoPostStore.Create(storage, paths, TimeProvider.System), plugins);
    }

    public ValueTask DisposeAsync() => Posts is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
