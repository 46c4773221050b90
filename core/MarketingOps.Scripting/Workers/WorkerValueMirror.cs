using System.Runtime.InteropServices;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// What the host has sent one worker of the values scripts read by the thousand (posts, snapshots), so a warm run
/// receives only what changed. The host still asks its services for every answer, so a post added, changed or deleted
/// since the last run is seen; this record only spares the copy. It is built from the host's own values, never from
/// anything the worker says: the worker names the last reply it applied, and any other number than the host's (a call
/// it gave up on, a fault) starts it afresh. Past <c>capacity</c> values it starts afresh too, so memory stays bounded.
/// </summary>
internal sealed class WorkerValueMirror(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Table<ScriptPost> _posts = new(SentValues.Same);
    private readonly Table<MetricSnapshot> _snapshots = new(SentValues.Same);
    private long _sequence;
    private bool _stale;

    /// <summary>Values the worker holds now, as far as the host knows.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _posts.Count + _snapshots.Count;
            }
        }
    }

    /// <summary>The number of the last reply made: a reply built against it assumes the worker applied every reply so far.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>A list of posts, as slots and the posts the worker lacks.</summary>
    /// <param name="answer">The host's answer.</param>
    /// <param name="applied">The last reply the worker says it applied.</param>
    public CachedReply<ScriptPost> Posts(IReadOnlyList<ScriptPost> answer, long applied)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            var (updates, slots) = Begin<ScriptPost>(applied, answer.Count);
            for (var i = 0; i < slots.Length; i++)
            {
                var post = answer[i];
                slots[i] = _posts.Place(post.Id, post, updates);
            }

            return End(updates, slots);
        }
    }

    /// <summary>The latest snapshots of <paramref name="ids"/>, in their order: slots, -1 where a post has none.</summary>
    public CachedReply<MetricSnapshot> Snapshots(IReadOnlyList<string> ids, IReadOnlyDictionary<string, MetricSnapshot> latest, long applied)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(latest);

        // A store mostly answers in the order it was asked: its entries are walked beside the ids, and only an id out of
        // step with them is looked up (hashing 4,000 ids cost a warm run more than the rest of this comparison). A
        // Dictionary is walked with its own enumerator, not the interface's: a warm run compares thousands.
        return latest is Dictionary<string, MetricSnapshot> dictionary
            ? Snapshots(ids, dictionary.GetEnumerator(), latest, applied)
            : Snapshots(ids, latest.GetEnumerator(), latest, applied);
    }

    private CachedReply<MetricSnapshot> Snapshots<TEnumerator>(IReadOnlyList<string> ids, TEnumerator entries, IReadOnlyDictionary<string, MetricSnapshot> latest, long applied)
        where TEnumerator : IEnumerator<KeyValuePair<string, MetricSnapshot>>
    {
        using (entries)
        {
            lock (_gate)
            {
                var (updates, slots) = Begin<MetricSnapshot>(applied, ids.Count);
                var entry = entries.MoveNext() ? entries.Current : default;
                for (var i = 0; i < slots.Length; i++)
                {
                    if (ids[i] is not { } id)
                    {
                        slots[i] = -1;
                    }
                    else if (entry.Key is { } key && string.Equals(key, id, StringComparison.Ordinal))
                    {
                        slots[i] = _snapshots.Place(id, entry.Value, updates);
                        entry = entries.MoveNext() ? entries.Current : default;
                    }
                    else
                    {
                        slots[i] = latest.TryGetValue(id, out var snapshot) ? _snapshots.Place(id, snapshot, updates) : -1;
                    }
                }

                return End(updates, slots);
            }
        }
    }

    /// <summary>
    /// The ids of the posts in <paramref name="slotRuns"/>, slots of this worker's post table; null when the worker's
    /// table is not the one the host knows (it did not apply the last reply) or a slot is not one of them.
    /// </summary>
    public string[]? PostIds(int[]? slotRuns, long applied)
    {
        lock (_gate)
        {
            if (applied != _sequence || _stale || SlotRuns.Decode(slotRuns, _posts.Count) is not { } slots || slots.Contains(-1))
            {
                return null;
            }

            return Array.ConvertAll(slots, slot => _posts[slot].Id);
        }
    }

    /// <summary>The answer to a worker whose slots could not be read: nothing changes, it asks again by id.</summary>
    public CachedReply<MetricSnapshot> Unresolved()
    {
        lock (_gate)
        {
            return new CachedReply<MetricSnapshot>(_sequence, Reset: false, [], [], null);
        }
    }

    /// <summary>Starts a reply, under the lock: the slots of its <paramref name="count"/> values are filled in by the caller.</summary>
    private (Updates<T> Updates, int[] Slots) Begin<T>(long applied, int count)
        where T : class
    {
        var reset = applied != _sequence || _stale;
        if (reset)
        {
            _posts.Clear();
            _snapshots.Clear();
        }

        // Until this reply is made, the worker's tables and this record may disagree: a fault on the way leaves it
        // stale, and the next call starts afresh.
        _stale = true;
        return (new Updates<T>(reset), new int[count]);
    }

    /// <summary>Ends the reply <see cref="Begin{T}"/> started, under the same lock.</summary>
    private CachedReply<T> End<T>(Updates<T> updates, int[] slots)
        where T : class
    {
        _stale = _posts.Count + _snapshots.Count > capacity;
        return new CachedReply<T>(++_sequence, updates.Reset, [.. updates.Slots], [.. updates.Values], SlotRuns.Encode(slots));
    }

    /// <summary>The values a reply carries, with their slots.</summary>
    private sealed class Updates<T>(bool reset)
    {
        public bool Reset => reset;

        public List<int> Slots { get; } = [];

        public List<T> Values { get; } = [];
    }

    /// <summary>One kind of value by key, each in the slot it has in the worker's table.</summary>
    private sealed class Table<T>(Func<T, T, bool> same)
        where T : class
    {
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<T> _values = [];
        private readonly List<string> _keys = [];
        private int _next; // the slot after the last one placed: answers mostly come in the order they were first sent

        public int Count => _values.Count;

        public T this[int slot] => _values[slot];

        public void Clear()
        {
            _slots.Clear();
            _values.Clear();
            _keys.Clear();
            _next = 0;
        }

        /// <summary>The value's slot; the value joins the reply when the worker does not hold it as it is now.</summary>
        public int Place(string key, T value, Updates<T> updates)
        {
            // The very value sent for the next slot: the worker holds it there (a store that answers with the objects it
            // keeps, as the in-memory one does, costs a warm run a comparison of references per value).
            if (_next < _values.Count && ReferenceEquals(_values[_next], value))
            {
                return _next++;
            }

            int slot;
            if (_next < _keys.Count && string.Equals(_keys[_next], key, StringComparison.Ordinal))
            {
                slot = _next;
            }
            else
            {
                ref var found = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var known);
                if (!known)
                {
                    found = _values.Count;
                    _values.Add(value);
                    _keys.Add(key);
                    _next = found + 1;
                    updates.Slots.Add(found);
                    updates.Values.Add(value);
                    return found;
                }

                slot = found;
            }

            _next = slot + 1;
            if (same(_values[slot], value))
            {
                return slot;
            }

            _values[slot] = value;
            updates.Slots.Add(slot);
            updates.Values.Add(value);
            return slot;
        }
    }
}
