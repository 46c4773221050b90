using McMaster.NETCore.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>One plugin as the host holds it: its load context, what it registered and its status.</summary>
internal sealed class LoadedPlugin : IDisposable
{
    private LoadedPlugin(PluginEntry entry, PluginManifest? manifest, PluginStatus status, string? reason)
    {
        Entry = entry;
        Manifest = manifest;
        Status = status;
        Reason = reason;
    }

    public PluginEntry Entry { get; }

    public PluginManifest? Manifest { get; }

    public PluginStatus Status { get; }

    public string? Reason { get; }

    public PluginLoader? Loader { get; private init; }

    public IPlatform? Platform { get; private init; }

    public IReadOnlyList<IWorkflow> Workflows { get; private init; } = [];

    public int Reloads { get; init; }

    public PluginState State => new(Entry.Id, Manifest?.Version, Manifest?.Kind, Status, Reason, Entry.Directory) { Reloads = Reloads };

    public static LoadedPlugin Failed(PluginEntry entry, PluginManifest? manifest, PluginStatus status, string reason) =>
        new(entry, manifest, status, reason);

    /// <summary>Whether unloading the plugin unloads its context; not when a <see cref="PluginContextPool"/> keeps it for later calls.</summary>
    public bool OwnsLoader { get; private init; } = true;

    public static LoadedPlugin Active(PluginEntry entry, PluginManifest manifest, PluginLoader loader, IPlatform? platform, IReadOnlyList<IWorkflow> workflows, int reloads, bool ownsLoader = true) =>
        new(entry, manifest, PluginStatus.Active, null) { Loader = loader, Platform = platform, Workflows = workflows, Reloads = reloads, OwnsLoader = ownsLoader };

    /// <summary>Disposes what the plugin registered; the load context itself belongs to the caller.</summary>
    public void DisposeInstances()
    {
        foreach (var instance in Workflows.Cast<object>().Prepend(Platform))
        {
            try
            {
                switch (instance)
                {
                    case IAsyncDisposable asyncDisposable:
                        asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
#pragma warning disable CA1031 // A plugin's failure to dispose must not stop the host from unloading it.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    public void Dispose()
    {
        DisposeInstances();
        if (OwnsLoader)
        {
            Loader?.Dispose();
        }
    }
}
