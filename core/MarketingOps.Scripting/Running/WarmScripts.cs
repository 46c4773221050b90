namespace MarketingOps.Scripting.Running;

/// <summary>
/// Recently run scripts kept loaded, so running one again skips loading and the JIT (about 10 ms, many times the body of
/// a typical script). Bounded in number and idle time; whatever leaves is unloaded. Scripts may not keep state in static
/// fields (the policy refuses them), so a reused script starts each run as fresh as a newly loaded one.
/// </summary>
internal sealed class WarmScripts(int capacity, TimeSpan idleTime, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<LoadedScript> _idle = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>The keys of the scripts kept loaded, most recently used first.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return _idle.Select(s => s.Key).ToList();
            }
        }
    }

    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _idle.Any(s => s.Key == key);
        }
    }

    /// <summary>An idle loaded copy of the script with this key, taken out of the pool; null when there is none.</summary>
    public LoadedScript? Take(string key)
    {
        LoadedScript? found = null;
        List<LoadedScript> expired;
        lock (_gate)
        {
            for (var node = _idle.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    found = node.Value;
                    _idle.Remove(node);
                    break;
                }
            }

            expired = Expire();
        }

        UnloadAll(expired);
        return found;
    }

    /// <summary>Puts a script back after a run that ended; the least recently used beyond the capacity are unloaded.</summary>
    public void Return(LoadedScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (capacity <= 0)
        {
            script.Unload();
            return;
        }

        List<LoadedScript> expired;
        lock (_gate)
        {
            script.LastUsed = time.GetTimestamp();
            _idle.AddFirst(script);
            expired = Expire();
        }

        UnloadAll(expired);
    }

    public void Dispose()
    {
        List<LoadedScript> all;
        lock (_gate)
        {
            all = [.. _idle];
            _idle.Clear();
        }

        UnloadAll(all);
    }

    private List<LoadedScript> Expire()
    {
        var expired = new List<LoadedScript>();
        while (_idle.Count > capacity || (_idle.Last is { } oldest && time.GetElapsedTime(oldest.Value.LastUsed) > idleTime))
        {
            expired.Add(_idle.Last!.Value);
            _idle.RemoveLast();
        }

        return expired;
    }

    private static void UnloadAll(List<LoadedScript> scripts)
    {
        foreach (var script in scripts)
        {
            script.Unload();
        }
    }
}
