using MarketingOps.Core.Storage;
using McMaster.NETCore.Plugins;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// The load contexts of one client folder's plugins, kept between the calls a long-lived process serves (the resident
/// mops process) so a plugin is not read and compiled again for every call. A context is used again only while every
/// file of its plugin folder has the time and size it had when it was loaded; otherwise it is unloaded and loaded anew.
/// Only what the plugin registers is made per call: its instances get that call's secrets, loggers and settings.
/// </summary>
internal sealed class PluginContextPool : IDisposable
{
    private readonly Dictionary<string, (string Stamp, PluginLoader Loader)> _contexts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>The context of the plugin whose entry assembly is <paramref name="assemblyPath"/>: the kept one, or one <paramref name="create"/> makes.</summary>
    public PluginLoader Rent(string assemblyPath, Func<PluginLoader> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var stamp = Stamp(Path.GetDirectoryName(assemblyPath)!);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_contexts.TryGetValue(assemblyPath, out var kept))
            {
                if (kept.Stamp == stamp)
                {
                    return kept.Loader;
                }

                // Rebuilt or replaced since: the old context goes, as a process of its own would never have seen it.
                _contexts.Remove(assemblyPath);
                kept.Loader.Dispose();
            }

            var loader = create();
            _contexts[assemblyPath] = (stamp, loader);
            return loader;
        }
    }

    /// <summary>Whether <paramref name="loader"/> is kept here (its owner is this pool, not the call that rented it).</summary>
    public bool Holds(PluginLoader loader)
    {
        lock (_gate)
        {
            return _contexts.Values.Any(c => ReferenceEquals(c.Loader, loader));
        }
    }

    /// <summary>Unloads a context that failed its plugin's activation, so the next call loads it afresh.</summary>
    public void Discard(PluginLoader loader)
    {
        lock (_gate)
        {
            foreach (var (path, context) in _contexts.Where(c => ReferenceEquals(c.Value.Loader, loader)).ToList())
            {
                _contexts.Remove(path);
                context.Loader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var context in _contexts.Values)
            {
                context.Loader.Dispose();
            }

            _contexts.Clear();
        }
    }

    // Every file below the plugin's folder: an incremental build may rewrite one dependency.
    private static string Stamp(string directory) =>
        FileStamp.Of(new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal));
}
