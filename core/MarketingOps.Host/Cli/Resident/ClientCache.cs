using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>What the resident process keeps of one client folder: its plugins' load contexts and its trigger writer.</summary>
internal sealed class ClientCache : IDisposable
{
    private readonly SemaphoreSlim _schedulerGate = new(1, 1);
    private KeptScheduler? _scheduler;
    private bool _disposed;

    public ClientCache(string root, string source)
    {
        Root = root;
        Source = source;
    }

    /// <summary>The client folder.</summary>
    public string Root { get; }

    /// <summary>The times and sizes of the files this entry came from, when it was made.</summary>
    public string Source { get; }

    /// <summary>The folder's plugin load contexts (each checked against its plugin's files when rented).</summary>
    public PluginContextPool Plugins { get; } = new();

    /// <summary>The times and sizes of plugins.json, mops.json and the secrets file: a change to any drops the entry.</summary>
    public static string Stamp(ClientFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FileStamp.Of(new[] { folder.PluginsFile, folder.SettingsFile, Path.Combine(folder.SecretsDirectory, "secrets.json") }.Select(path => new FileInfo(path)));
    }

    /// <summary>The standby scheduler built for <paramref name="key"/>: the kept one, or a new one when the key changed.</summary>
    public async Task<IScheduler> SchedulerAsync(string key, Func<CancellationToken, Task<KeptScheduler>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        await _schedulerGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_scheduler is { } kept && kept.Key == key && kept.Scheduler.Status != SchedulerStatus.Shutdown)
            {
                return kept.Scheduler;
            }

            // Another database or other settings (mops.json, a MOPS_ variable): the old scheduler goes.
            var old = _scheduler;
            _scheduler = null;
            old?.Dispose();
            var fresh = await build(cancellationToken);
            _scheduler = fresh;
            return fresh.Scheduler;
        }
        finally
        {
            _schedulerGate.Release();
        }
    }

    public void Dispose()
    {
        _schedulerGate.Wait();
        try
        {
            _disposed = true;
            _scheduler?.Dispose();
            _scheduler = null;
            Plugins.Dispose();
        }
        finally
        {
            _schedulerGate.Release();
        }

        _schedulerGate.Dispose();
    }
}
