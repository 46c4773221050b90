using McMaster.NETCore.Plugins;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Configuration;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Plugins;

/// <summary>Loads the plugins of <c>plugins.json</c>, keeps their statuses, reloads rebuilt ones and serves the active platforms.</summary>
internal sealed class PluginManager : IPlatformRegistry, IWorkflowCatalog, IDisposable
{
    private readonly PluginsFile _file;
    private readonly string _fileShown;
    private readonly PluginActivator _activator;
    private readonly ILogger<PluginManager> _logger;
    private readonly bool _watch;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClientAccount> _accounts;
    private readonly Dictionary<string, PluginFolderWatcher> _folderWatchers = new(StringComparer.OrdinalIgnoreCase);
    private LoadedPlugin[] _plugins = [];
    private bool _disposed;

    public PluginManager(PluginsFile file, string fileShown, PluginActivator activator, ILogger<PluginManager> logger, bool watch)
    {
        _file = file;
        _fileShown = fileShown;
        _activator = activator;
        _logger = logger;
        _watch = watch;
        Accounts = file.Plugins.SelectMany(p => p.Accounts).ToList();
        _accounts = Accounts.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Raised after a watched plugin was rebuilt and loaded again (or failed to).</summary>
    public event EventHandler<PluginState>? PluginReloaded;

    public IReadOnlyList<ClientAccount> Accounts { get; }

    public IReadOnlyList<PluginState> States => Volatile.Read(ref _plugins).Select(p => p.State).ToList();

    public IReadOnlyList<IPlatform> Platforms => Volatile.Read(ref _plugins).Where(p => p.Platform is not null).Select(p => p.Platform!).ToList();

    /// <summary>Every active workflow with the entry that configures it.</summary>
    public IReadOnlyList<(PluginEntry Entry, IWorkflow Workflow)> Workflows =>
        Volatile.Read(ref _plugins).SelectMany(p => p.Workflows.Select(w => (p.Entry, w))).ToList();

    public ClientAccount? FindAccount(string name) => _accounts.GetValueOrDefault(name);

    public IPlatform? FindPlatform(string platformId) =>
        Array.Find(Volatile.Read(ref _plugins), p => p.Platform is not null && string.Equals(p.Entry.Id, platformId, StringComparison.OrdinalIgnoreCase))?.Platform;

    /// <summary>Loads every plugin; returns the configuration problems found on the way (the statuses hold the rest).</summary>
    public IReadOnlyList<ConfigProblem> LoadAll()
    {
        var problems = new List<ConfigProblem>();
        var loaded = new List<LoadedPlugin>();
        foreach (var entry in _file.Plugins)
        {
            var plugin = _activator.Load(entry, _fileShown, problems, hotReload: _watch);
            Report(plugin);
            Watch(plugin);
            WatchFolder(entry);
            loaded.Add(plugin);
        }

        lock (_gate)
        {
            Volatile.Write(ref _plugins, [.. loaded]);
        }

        return problems;
    }

    /// <summary>Unloads a plugin and loads it again from its folder, releasing the old load context.</summary>
    public PluginState Reload(string id)
    {
        lock (_gate)
        {
            var index = IndexOf(id);
            var old = _plugins[index];
            old.Dispose();
            var fresh = _activator.Load(old.Entry, _fileShown, [], old.Reloads + 1, hotReload: _watch);
            Replace(index, fresh);
            Report(fresh);
            Watch(fresh);
            return fresh.State;
        }
    }

    /// <summary>A watched plugin's folder changed where McMaster does not look (its manifest, or the files of a plugin that failed to load).</summary>
    private void OnFolderChanged(string id, string why)
    {
        PluginState state;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            state = Reload(id);
        }

        LogReloaded(id, state, why);
        PluginReloaded?.Invoke(this, state);
    }

    private void LogReloaded(string id, PluginState state, string why)
    {
        if (state.Status == PluginStatus.Active)
        {
            _logger.LogInformation("Plugin {PluginId} {Version}: {Why}, loaded again: Active", id, state.Version, why);
        }
        else
        {
            _logger.LogWarning("Plugin {PluginId}: {Why}, loaded again: {Status}: {Reason}", id, why, state.Status, state.Reason);
        }
    }

    private void OnReloaded(string id, PluginLoader loader)
    {
        PluginState state;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var index = IndexOf(id);
            var old = _plugins[index];
            old.DisposeInstances();
            LoadedPlugin fresh;
            try
            {
                fresh = _activator.Activate(old.Entry, old.Manifest!, loader, _fileShown, [], old.Reloads + 1);
            }
#pragma warning disable CA1031 // A broken rebuild becomes a status; the host runs on and a later rebuild is picked up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Release the broken build's context (and McMaster's watcher on it); the folder watcher waits for the next build.
                loader.Dispose();
                fresh = LoadedPlugin.Failed(old.Entry, old.Manifest, PluginStatus.Malfunctioned, $"reload failed: {ex.GetType().Name}: {ex.Message}");
            }

            Replace(index, fresh);
            state = fresh.State;
        }

        LogReloaded(id, state, "rebuilt");
        PluginReloaded?.Invoke(this, state);
    }

    private void Watch(LoadedPlugin plugin)
    {
        if (_watch && plugin.Loader is { } loader)
        {
            var id = plugin.Entry.Id;
            loader.Reloaded += (_, args) => OnReloaded(id, args.Loader);
        }
    }

    private void WatchFolder(PluginEntry entry)
    {
        if (!_watch || _folderWatchers.ContainsKey(entry.Id) || !Directory.Exists(entry.Directory))
        {
            return;
        }

        // McMaster reloads a rebuilt assembly of a loaded plugin; this watcher covers the rest: plugin.json, and any
        // file of a plugin that has no load context because it failed to load.
        var manifestPath = Path.Combine(entry.Directory, PluginManifest.FileName);
        var manifestSeen = ReadText(manifestPath);
        _folderWatchers[entry.Id] = new PluginFolderWatcher(entry.Directory, file =>
        {
            if (string.Equals(file, PluginManifest.FileName, StringComparison.OrdinalIgnoreCase))
            {
                // A build copies plugin.json beside a rebuilt assembly; reload for the manifest only when it says something new.
                var text = ReadText(manifestPath);
                return !string.Equals(Interlocked.Exchange(ref manifestSeen, text), text, StringComparison.Ordinal);
            }

            return Array.Find(Volatile.Read(ref _plugins), p => p.Entry.Id == entry.Id)?.Loader is null;
        }, why => OnFolderChanged(entry.Id, why));
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private int IndexOf(string id)
    {
        var index = Array.FindIndex(_plugins, p => string.Equals(p.Entry.Id, id, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new ArgumentException($"no plugin with id \"{id}\"", nameof(id));
    }

    private void Replace(int index, LoadedPlugin fresh)
    {
        var copy = (LoadedPlugin[])_plugins.Clone();
        copy[index] = fresh;
        Volatile.Write(ref _plugins, copy);
    }

    private void Report(LoadedPlugin plugin)
    {
        if (plugin.Status is PluginStatus.Active or PluginStatus.Disabled)
        {
            _logger.LogDebug("Plugin {PluginId} {Version}: {Status}", plugin.Entry.Id, plugin.Manifest?.Version ?? "-", plugin.Status);
        }
        else
        {
            _logger.LogWarning("Plugin {PluginId}: {Status}: {Reason}", plugin.Entry.Id, plugin.Status, plugin.Reason);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _folderWatchers.Values)
            {
                watcher.Dispose();
            }

            _folderWatchers.Clear();
            foreach (var plugin in _plugins)
            {
                plugin.Dispose();
            }

            _plugins = [];
        }
    }
}
