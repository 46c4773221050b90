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

    private readonly Lock _gate = new();
    private readonly List<ScriptPost?> _posts = [];
    private readonly Dictionary<string, int> _postSlots = new(StringComparer.Ordinal);
    private readonly List<MetricSnapshot?> _snapshots = [];
    private long _applied;

    public IReadOnlyList<ScriptPost> Posts(HostConnection host, ScriptPostQuery query)
    {
        ArgumentNullException.ThrowIfNull(host);
        lock (_gate)
        {
            var applied = _applied;
            _applied = Unknown;
            var reply = host.Call<CachedReply<ScriptPost>>(WorkerMethods.PostsList, query, applied);
            Apply(reply, _posts);
            var slots = SlotRuns.Decode(reply.Answer, _posts.Count) ?? throw Broken();
            var posts = new List<ScriptPost>(slots.Length);
            foreach (var slot in slots)
            {
                posts.Add((slot >= 0 ? _posts[slot] : null) ?? throw Broken());
            }

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
}
