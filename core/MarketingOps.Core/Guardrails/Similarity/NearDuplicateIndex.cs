namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>
/// Finds stored fingerprints similar to a query without scanning them all: LSH bands give candidates,
/// exact Jaccard decides. Slots are small integers the caller keeps its own data under. Not thread-safe.
/// </summary>
internal sealed class NearDuplicateIndex
{
    private readonly MinHashBanding _banding;

    // Per band key, a singly linked list of postings threaded through _postingSlot/_postingNext:
    // far lighter than a List per bucket when, as usual, almost every bucket holds one message.
    private readonly Dictionary<ulong, int> _heads = [];
    private int[] _postingSlot = new int[1024];
    private int[] _postingNext = new int[1024];
    private int _postingCount;

    private ulong[]?[] _shingles = new ulong[]?[256];
    private int[] _seen = new int[256];
    private int _generation;
    private int _removed;

    public NearDuplicateIndex(double threshold) => _banding = new MinHashBanding(threshold);

    public double Threshold => _banding.Threshold;

    /// <summary>Slots handed out so far, including removed ones.</summary>
    public int Capacity { get; private set; }

    public int Count => Capacity - _removed;

    public int Add(ContentFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var slot = Capacity++;
        if (slot == _shingles.Length)
        {
            Array.Resize(ref _shingles, slot * 2);
            Array.Resize(ref _seen, slot * 2);
        }

        _shingles[slot] = fingerprint.Shingles;
        if (fingerprint.IsEmpty)
        {
            return slot;
        }

        Span<ulong> keys = stackalloc ulong[_banding.Bands];
        _banding.BandKeys(fingerprint.Shingles, keys);
        foreach (var key in keys)
        {
            if (_postingCount == _postingSlot.Length)
            {
                Array.Resize(ref _postingSlot, _postingCount * 2);
                Array.Resize(ref _postingNext, _postingCount * 2);
            }

            _postingSlot[_postingCount] = slot;
            _postingNext[_postingCount] = _heads.TryGetValue(key, out var head) ? head : -1;
            _heads[key] = _postingCount++;
        }

        return slot;
    }

    /// <summary>Forgets a slot; its postings stay until <see cref="Compact"/> but are never returned.</summary>
    public void Remove(int slot)
    {
        if (slot >= 0 && slot < Capacity && _shingles[slot] is not null)
        {
            _shingles[slot] = null;
            _removed++;
        }
    }

    /// <summary>True once removed slots outnumber live ones, so a rebuild pays for itself.</summary>
    public bool NeedsCompaction => _removed > 1024 && _removed > Count;

    /// <summary>Rebuilds the index from the live slots; returns the old-slot → new-slot map (−1 for removed).</summary>
    public int[] Compact()
    {
        var live = new List<ulong[]>(Count);
        var map = new int[Capacity];
        for (var slot = 0; slot < Capacity; slot++)
        {
            if (_shingles[slot] is { } shingles)
            {
                map[slot] = live.Count;
                live.Add(shingles);
            }
            else
            {
                map[slot] = -1;
            }
        }

        _heads.Clear();
        _postingCount = 0;
        _removed = 0;
        Capacity = 0;
        Array.Clear(_shingles);
        foreach (var shingles in live)
        {
            Add(ContentFingerprint.FromSorted(shingles));
        }

        return map;
    }

    /// <summary>
    /// Adds to <paramref name="results"/> every live slot that passes <paramref name="accept"/> (checked first,
    /// it is cheap) and whose exact similarity to <paramref name="fingerprint"/> is at least <paramref name="minSimilarity"/>.
    /// </summary>
    public void Query(ContentFingerprint fingerprint, double minSimilarity, Func<int, bool> accept, List<SimilarSlot> results)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(results);
        if (fingerprint.IsEmpty)
        {
            return;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_seen);
            _generation = 1;
        }

        Span<ulong> keys = stackalloc ulong[_banding.Bands];
        _banding.BandKeys(fingerprint.Shingles, keys);
        foreach (var key in keys)
        {
            if (!_heads.TryGetValue(key, out var posting))
            {
                continue;
            }

            for (; posting >= 0; posting = _postingNext[posting])
            {
                var slot = _postingSlot[posting];
                if (_seen[slot] == _generation)
                {
                    continue;
                }

                _seen[slot] = _generation;
                if (_shingles[slot] is not { } shingles || !accept(slot))
                {
                    continue;
                }

                var similarity = ContentFingerprint.Jaccard(fingerprint.Shingles, shingles);
                if (similarity >= minSimilarity)
                {
                    results.Add(new SimilarSlot(slot, similarity));
                }
            }
        }
    }
}
