namespace MarketingOps.Core.Plugins;

/// <summary>Watches a plugin's folder and calls back once a burst of changes to the files it cares about has settled.</summary>
internal sealed class PluginFolderWatcher : IDisposable
{
    // A build or an editor writes a file in several steps; reload once they are done.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly FileSystemWatcher _watcher;
    private readonly Func<string, bool> _relevant;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private string? _changed;

    public PluginFolderWatcher(string directory, Func<string, bool> relevant, Action<string> changed)
    {
        _relevant = relevant;
        _timer = new Timer(_ =>
        {
            string? file;
            lock (_gate)
            {
                file = _changed;
                _changed = null;
            }

            if (file is not null)
            {
                changed($"{file} changed");
            }
        });
        _watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.Name is null || !_relevant(e.Name))
        {
            return;
        }

        lock (_gate)
        {
            _changed = e.Name;
            _timer.Change(Settle, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
