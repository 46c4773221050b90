using MarketingOps.Core.Guardrails.Similarity;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>
/// The guardrails' in-memory view of recent messages: a near-duplicate index per platform, each account's
/// send times per kind (for caps) and the interactions automation already answered. Thread-safe.
/// </summary>
internal sealed class MessageLedger(double nearDuplicateThreshold)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PlatformIndex> _platforms = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LedgerEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, MessageKind Kind), List<(DateTimeOffset At, string Id)>> _timelines = [];
    private readonly Dictionary<(string Account, string Interaction), List<string>> _interactions = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Remembers a message, replacing an earlier version with the same id.</summary>
    public void Record(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            RemoveUnlocked(entry.Id);
            _byId[entry.Id] = entry;

            if (!_platforms.TryGetValue(entry.Platform, out var platform))
            {
                platform = new PlatformIndex(new NearDuplicateIndex(nearDuplicateThreshold));
                _platforms[entry.Platform] = platform;
            }

            var slot = platform.Index.Add(entry.Fingerprint);
            platform.Slots.Add(entry);
            platform.SlotOf[entry.Id] = slot;
            if (entry.Message.Template is { } template)
            {
                GetOrAdd(platform.ByTemplate, template.TemplateId).Add(entry.Id);
            }

            var timeline = GetOrAdd(_timelines, (Key(entry.Account), entry.Kind));
            var position = timeline.BinarySearch((entry.At, entry.Id), TimelineComparer.Instance);
            timeline.Insert(position < 0 ? ~position : position, (entry.At, entry.Id));

            foreach (var interaction in InteractionKeys(entry.Message))
            {
                GetOrAdd(_interactions, (Key(entry.Account), interaction)).Add(entry.Id);
            }
        }
    }

    /// <summary>An independent copy: a batch check records its own messages in it and leaves this ledger as it was.</summary>
    public MessageLedger Copy()
    {
        var copy = new MessageLedger(nearDuplicateThreshold);
        lock (_lock)
        {
            foreach (var entry in _byId.Values.OrderBy(e => e.At))
            {
                copy.Record(entry);
            }
        }

        return copy;
    }

    public bool Forget(string messageId)
    {
        lock (_lock)
        {
            return RemoveUnlocked(messageId);
        }
    }

    /// <summary>Drops every message sent before <paramref name="before"/>; no rule looks that far back.</summary>
    public int Prune(DateTimeOffset before)
    {
        lock (_lock)
        {
            var old = _byId.Values.Where(e => e.At < before).Select(e => e.Id).ToList();
            foreach (var id in old)
            {
                RemoveUnlocked(id);
            }

            return old.Count;
        }
    }

    /// <summary>Messages on <paramref name="platform"/> similar to <paramref name="fingerprint"/>, most similar first.</summary>
    public IReadOnlyList<(LedgerEntry Entry, double Similarity)> FindSimilar(string platform, ContentFingerprint fingerprint, double minSimilarity, Func<LedgerEntry, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        lock (_lock)
        {
            if (!_platforms.TryGetValue(platform, out var index))
            {
                return [];
            }

            var slots = new List<SimilarSlot>();
            index.Index.Query(fingerprint, Math.Max(minSimilarity, index.Index.Threshold), slot => accept(index.Slots[slot]), slots);
            return [.. slots
                .Select(s => (Entry: index.Slots[s.Slot], s.Similarity))
                .OrderByDescending(m => m.Similarity)
                .ThenByDescending(m => m.Entry.At)];
        }
    }

    /// <summary>Messages on <paramref name="platform"/> filled in from the template <paramref name="templateId"/>.</summary>
    public IReadOnlyList<LedgerEntry> FindByTemplate(string platform, string templateId)
    {
        lock (_lock)
        {
            return _platforms.TryGetValue(platform, out var index) && index.ByTemplate.TryGetValue(templateId, out var ids)
                ? [.. ids.Select(id => _byId[id])]
                : [];
        }
    }

    /// <summary>The account's messages of one kind sent in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> InRange(string account, MessageKind kind, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            if (!_timelines.TryGetValue((Key(account), kind), out var timeline))
            {
                return [];
            }

            var start = timeline.BinarySearch((from, string.Empty), TimelineComparer.Instance);
            start = start < 0 ? ~start : start;
            var found = new List<LedgerEntry>();
            for (var i = start; i < timeline.Count && timeline[i].At < to; i++)
            {
                found.Add(_byId[timeline[i].Id]);
            }

            return found;
        }
    }

    /// <summary>The account's messages that answer an interaction (an audience event id or the platform id of the post replied to).</summary>
    public IReadOnlyList<LedgerEntry> AnswersTo(string account, string interaction)
    {
        lock (_lock)
        {
            return _interactions.TryGetValue((Key(account), interaction), out var ids) ? [.. ids.Select(id => _byId[id])] : [];
        }
    }

    private bool RemoveUnlocked(string messageId)
    {
        if (!_byId.Remove(messageId, out var entry))
        {
            return false;
        }

        var platform = _platforms[entry.Platform];
        platform.Index.Remove(platform.SlotOf[entry.Id]);
        platform.SlotOf.Remove(entry.Id);
        if (entry.Message.Template is { } template)
        {
            platform.ByTemplate[template.TemplateId].Remove(entry.Id);
        }

        _timelines[(Key(entry.Account), entry.Kind)].Remove((entry.At, entry.Id));
        foreach (var interaction in InteractionKeys(entry.Message))
        {
            _interactions[(Key(entry.Account), interaction)].Remove(entry.Id);
        }

        if (platform.Index.NeedsCompaction)
        {
            var map = platform.Index.Compact();
            var live = platform.Slots.Where((_, slot) => map[slot] >= 0).ToList();
            platform.Slots.Clear();
            platform.Slots.AddRange(live);
            foreach (var id in platform.SlotOf.Keys.ToList())
            {
                platform.SlotOf[id] = map[platform.SlotOf[id]];
            }
        }

        return true;
    }

    public static string EventInteraction(string eventId) => "event:" + eventId;

    public static string PostInteraction(string postId) => "post:" + postId;

    private static IEnumerable<string> InteractionKeys(OutgoingMessage message)
    {
        if (message.TriggerEventId is { } eventId)
        {
            yield return EventInteraction(eventId);
        }

        if (message.Draft.InReplyTo is { } postId)
        {
            yield return PostInteraction(postId);
        }
    }

    private static string Key(string account) => account.ToLowerInvariant();

    private static List<TValue> GetOrAdd<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }

    private sealed record PlatformIndex(NearDuplicateIndex Index)
    {
        public List<LedgerEntry> Slots { get; } = [];

        public Dictionary<string, int> SlotOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> ByTemplate { get; } = new(StringComparer.Ordinal);
    }

    private sealed class TimelineComparer : IComparer<(DateTimeOffset At, string Id)>
    {
        public static TimelineComparer Instance { get; } = new();

        public int Compare((DateTimeOffset At, string Id) x, (DateTimeOffset At, string Id) y)
        {
            var byTime = x.At.CompareTo(y.At);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
