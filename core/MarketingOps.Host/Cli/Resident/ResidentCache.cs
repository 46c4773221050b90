using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// What the resident process keeps between calls, per client folder: the plugins' load contexts and the standby Quartz
/// scheduler that writes triggers, which a call would otherwise load, compile and build again (40 to 90 ms of a
/// <c>post schedule</c>). A folder's entry is dropped and made again when its plugins.json, mops.json or secrets file
/// changes; finer checks (a plugin's files, the storage settings) drop its parts. Folders never share an entry: an
/// agency runs one client per folder, and a plugin's statics must not cross from one to another.
/// </summary>
internal sealed class ResidentCache : IDisposable
{
    // A few clients' plugins and schedulers; an agency's long tail is loaded afresh rather than kept.
    private const int FolderLimit = 8;

    private readonly LinkedList<ClientCache> _folders = [];
    private readonly Lock _gate = new();

    /// <summary>The resident process's cache; none in a process that runs one call (nothing is kept there).</summary>
    public static ResidentCache? Current { get; private set; }

    /// <summary>Keeps what calls build from now on in this process, until <see cref="Dispose"/>.</summary>
    public static ResidentCache Start() => Current = new ResidentCache();

    /// <summary>The entry of <paramref name="folder"/>, made again if what it came from changed.</summary>
    public ClientCache For(ClientFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var stamp = ClientCache.Stamp(folder);
        lock (_gate)
        {
            for (var node = _folders.First; node is not null; node = node.Next)
            {
                if (node.Value.Root != folder.Root)
                {
                    continue;
                }

                _folders.Remove(node);
                if (node.Value.Source == stamp)
                {
                    _folders.AddFirst(node);
                    return node.Value;
                }

                node.Value.Dispose();
                break;
            }

            var fresh = new ClientCache(folder.Root, stamp);
            _folders.AddFirst(fresh);
            while (_folders.Count > FolderLimit)
            {
                var last = _folders.Last!;
                _folders.RemoveLast();
                last.Value.Dispose();
            }

            return fresh;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var folder in _folders)
            {
                folder.Dispose();
            }

            _folders.Clear();
            if (ReferenceEquals(Current, this))
            {
                Current = null;
            }
        }
    }
}
