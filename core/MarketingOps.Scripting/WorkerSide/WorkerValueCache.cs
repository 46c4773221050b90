using System.Diagnostics;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The posts and snapshots this worker has received, kept between runs so a warm run receives only what changed (see
/// <see cref="CachedReply{T}"/>). The host decides what each slot holds; this side applies its replies one at a time,
/// in order, and names the last one applied with its next call. A call that fails or is given up on leaves the tables
/// unknown, and the host then sends everything afresh. Values are immutable, so one run cannot change what the next reads.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class WorkerValueCache
{
    private const long Unknown = -1;
    private const int MaxSlot = SlotRuns.MaxSlots;

    // A prefetched answer is the host's as of the run's start: past this, the script asks afresh.
    private static readonly TimeSpan PrefetchLifetime = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<ScriptPost?> _posts = [];
    private readonly Dictionary<string, int> _postSlots = new(StringComparer.Ordinal);
    private readonly List<MetricSnapshot?> _snapshots = [];
    private long _applied;
    private readonly Lock _prefetchGate = new(); // taken alone, or inside _gate: any call to the host drops the prefetch
    private readonly Queue<Prefetched> _prefetched = new();
    private List<ScriptPost>? _lastPosts; // the last prefetched list the script took: a prefetched latest is of its posts
    private long _prefetchedAt;
    private int _prefetchUsed;

    /// <summary>How many prefetched answers the script took since <see cref="Prime"/>.</summary>
    public int PrefetchUsed
    {
        get
        {
            lock (_prefetchGate)
            {
                return _prefetchUsed;
            }
        }
    }

    /// <summary>
    /// Starts a run: applies the replies the host sent with its run call, in order, and keeps their answers for the
    /// script's first calls; a reply made for tables this worker does not hold (it gave up on a call) stops there.
    /// </summary>
    public void Prime(IReadOnlyList<PrefetchedRead> reads)
    {
        ArgumentNullException.ThrowIfNull(reads);
        lock (_gate)
        {
            lock (_prefetchGate)
            {
                _prefetched.Clear();
                _lastPosts = null;
                _prefetchUsed = 0;
            }

            var answers = new List<Prefetched>(reads.Count);
            try
            {
                foreach (var read in reads)
                {
                    if (read is { Query: { } query, Posts: { } posts } && InStep(posts))
                    {
                        Apply(posts, _posts);
                        answers.Add(new Prefetched(query, Resolve(posts.Answer, _posts), null));
                        _applied = posts.Sequence;
                    }
                    else if (read is { Query: null, Snapshots: { } snapshots } && InStep(snapshots))
                    {
                        Apply(snapshots, _snapshots);
                        var slots = SlotRuns.Decode(snapshots.Answer, _snapshots.Count) ?? throw Broken();
                        answers.Add(new Prefetched(null, null, Array.ConvertAll(slots, slot => slot == -1 ? null : _snapshots[slot] ?? throw Broken())));
                        _applied = snapshots.Sequence;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Half applied: the tables are unknown, the script's reads go to the host, which starts them afresh.
                _applied = Unknown;
                answers.Clear();
            }

            lock (_prefetchGate)
            {
                answers.ForEach(_prefetched.Enqueue);
                _prefetchedAt = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Forgets the prefetched answers not taken: the script asked the host something else first.</summary>
    public void DropPrefetched()
    {
        lock (_prefetchGate)
        {
            _prefetched.Clear();
            _lastPosts = null;
        }
    }

    public IReadOnlyList<ScriptPost> Posts(HostConnection host, ScriptPostQuery query)
    {
        ArgumentNullException.ThrowIfNull(host);
        lock (_gate)
        {
            if (TakePrefetched(p => p.Query == query) is { Posts: { } prefetched })
            {
                return [.. prefetched];
            }

            DropPrefetched();
            var applied = _applied;
            _applied = Unknown;
            var reply = host.Call<CachedReply<ScriptPost>>(WorkerMethods.PostsList, query, applied);
            Apply(reply, _posts);
            var posts = Resolve(reply.Answer, _posts);
            _applied = reply.Sequence;
            return posts;
        }
    }

    /// <summary>The latest snapshot of each of <paramref name="ids"/>, in their order; null where a post has none.</summary>
    public MetricSnapshot?[] Latest(HostConnection host, string[] ids)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            if (TakePrefetched(p => p.Query is null && _lastPosts is { } of && SameIds(of, ids)) is { Snapshots: { } prefetched })
            {
                return prefetched;
            }

            DropPrefetched();

            // Posts this worker holds go by slot (a warm run's 4,000 posts are two numbers); the host answers null
            // when it cannot read them, and the ids go instead.
            var postSlots = PostSlots(ids);
            var applied = _applied;
            _applied = Unknown;
            var reply = postSlots is not null ? host.Call<CachedReply<MetricSnapshot>>(WorkerMethods.MetricsLatest, null, postSlots, applied) : null;
            if (reply?.Answer is null)
            {
                reply = host.Call<CachedReply<MetricSnapshot>>(WorkerMethods.MetricsLatest, ids, null, applied);
            }

            Apply(reply, _snapshots);
            var slots = SlotRuns.Decode(reply.Answer, _snapshots.Count) ?? throw Broken();
            if (slots.Length != ids.Length)
            {
                throw new InvalidOperationException($"The host answered {slots.Length} snapshots for {ids.Length} posts.");
            }

            var latest = new MetricSnapshot?[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                latest[i] = slots[i] == -1 ? null : _snapshots[slots[i]] ?? throw Broken();
            }

            _applied = reply.Sequence;
            return latest;
        }
    }

    /// <summary>The next prefetched answer, taken; none once the script has asked anything else or the answers grew old.</summary>
    private Prefetched? TakePrefetched(Func<Prefetched, bool> matches)
    {
        lock (_prefetchGate)
        {
            if (_prefetched.TryPeek(out var next) && Stopwatch.GetElapsedTime(_prefetchedAt) <= PrefetchLifetime && matches(next))
            {
                _prefetchUsed++;
                _lastPosts = next.Posts ?? _lastPosts;
                return _prefetched.Dequeue();
            }

            return null;
        }
    }

    private bool InStep<T>(CachedReply<T> reply)
        where T : class => reply.Reset || (_applied != Unknown && reply.Sequence == _applied + 1);

    private static bool SameIds(List<ScriptPost> posts, string[] ids)
    {
        if (posts.Count != ids.Length)
        {
            return false;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (!string.Equals(posts[i].Id, ids[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static List<ScriptPost> Resolve(int[]? answer, List<ScriptPost?> table)
    {
        var slots = SlotRuns.Decode(answer, table.Count) ?? throw Broken();
        var posts = new List<ScriptPost>(slots.Length);
        foreach (var slot in slots)
        {
            posts.Add((slot >= 0 ? table[slot] : null) ?? throw Broken());
        }

        return posts;
    }

    /// <summary>The slots of these posts as runs, when this worker holds every one of them.</summary>
    private int[]? PostSlots(string[] ids)
    {
        if (_applied == Unknown || ids.Length == 0)
        {
            return null;
        }

        var slots = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] is null || !_postSlots.TryGetValue(ids[i], out slots[i]))
            {
                return null;
            }
        }

        return SlotRuns.Encode(slots);
    }

    private void Apply<T>(CachedReply<T> reply, List<T?> table)
        where T : class
    {
        if (reply.Reset)
        {
            _posts.Clear();
            _postSlots.Clear();
            _snapshots.Clear();
        }

        if (reply.UpdatedSlots.Length != reply.Updated.Length)
        {
            throw Broken();
        }

        for (var i = 0; i < reply.Updated.Length; i++)
        {
            var slot = reply.UpdatedSlots[i];
            if (slot is < 0 or >= MaxSlot)
            {
                throw Broken();
            }

            while (table.Count <= slot)
            {
                table.Add(null);
            }

            table[slot] = reply.Updated[i];
            if (reply.Updated[i] is ScriptPost post)
            {
                _postSlots[post.Id] = slot;
            }
        }
    }

    private static InvalidOperationException Broken() => new("The host's answer refers to values this worker does not hold.");

    /// <summary>An answer the host sent with the run call: a list of posts for a query, or the latest snapshots of the last list's posts.</summary>
    private sealed record Prefetched(ScriptPostQuery? Query, List<ScriptPost>? Posts, MetricSnapshot?[]? Snapshots);
}
