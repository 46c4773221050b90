namespace MopsPlatform;

/// <summary>
/// The network the plugin talks to: here a few posts in memory, so the plugin works from its first build. Replace each
/// method with a call to your platform's API, on an HttpClient built over <c>IPluginRegistrar.CreateHttpMessageHandler()</c>
/// (the conformance kit then sees the requests and injects faults into them).
/// </summary>
internal sealed class InMemoryNetwork(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, NetworkPost> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkPost> _byId = new(StringComparer.Ordinal);

    /// <summary>Creates a post, or answers with the post an earlier request with the same key created.</summary>
    public NetworkPost Create(string account, string text, string key)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                return existing;
            }

            // Unique across restarts, as a real network's ids are: the host refuses an id it has seen for another post.
            var id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
            var post = new NetworkPost(id, account, text, key, clock.GetUtcNow());
            _byKey[key] = post;
            _byId[id] = post;
            return post;
        }
    }

    /// <summary>The post created with this key, if any.</summary>
    public NetworkPost? FindByKey(string key)
    {
        lock (_lock)
        {
            return _byKey.GetValueOrDefault(key);
        }
    }

    /// <summary>The post with this id, if it exists.</summary>
    public NetworkPost? Find(string id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Deletes a post; false when there was none.</summary>
    public bool Delete(string id)
    {
        lock (_lock)
        {
            if (!_byId.Remove(id, out var post))
            {
                return false;
            }

            _byKey.Remove(post.Key);
            return true;
        }
    }

    /// <summary>How often the post was shown: ten times a minute since it was created, as a stand-in for real counters.</summary>
    public long Impressions(NetworkPost post) => Math.Max(0, (long)(clock.GetUtcNow() - post.CreatedAt).TotalMinutes * 10);
}
