using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>A message's shingles as a sorted set of 64-bit hashes, compared by exact Jaccard similarity.</summary>
internal sealed class ContentFingerprint
{
    private static readonly ContentFingerprint EmptyFingerprint = new([]);

    private ContentFingerprint(ulong[] shingles) => Shingles = shingles;

    /// <summary>The shingle hashes, sorted ascending, without repeats.</summary>
    public ulong[] Shingles { get; }

    public bool IsEmpty => Shingles.Length == 0;

    /// <summary>Wraps shingles that are already sorted and distinct.</summary>
    public static ContentFingerprint FromSorted(ulong[] shingles) => shingles.Length == 0 ? EmptyFingerprint : new(shingles);

    public static ContentFingerprint Create(string text, IReadOnlyCollection<string>? namesToStrip = null) =>
        FromNormalized(ContentNormalizer.Normalize(text, namesToStrip));

    /// <summary>
    /// Words give unigrams and bigrams: unigrams catch reordered or lightly edited wording, bigrams keep
    /// two posts that merely share vocabulary apart. Unspaced scripts give character bigrams, the usual
    /// unit for Chinese and Japanese. A message with neither (only emoji, links or mentions) is compared by those.
    /// </summary>
    public static ContentFingerprint FromNormalized(NormalizedContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hashes = new List<ulong>(content.Units.Count * 2);
        var units = content.Units;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var hasNext = i + 1 < units.Count && units[i + 1].IsCharacter == unit.IsCharacter;
            if (!unit.IsCharacter)
            {
                hashes.Add(Hash(unit.Text, 0));
                if (hasNext)
                {
                    hashes.Add(Hash(units[i + 1].Text, Hash(unit.Text, 1)));
                }

                continue;
            }

            var hasPrevious = i > 0 && units[i - 1].IsCharacter;
            if (hasNext)
            {
                hashes.Add(Hash(units[i + 1].Text, Hash(unit.Text, 2)));
            }
            else if (!hasPrevious)
            {
                hashes.Add(Hash(unit.Text, 0)); // a lone character
            }
        }

        if (hashes.Count == 0)
        {
            foreach (var item in content.SetAside)
            {
                hashes.Add(Hash(item, 3));
            }
        }

        if (hashes.Count == 0)
        {
            return EmptyFingerprint;
        }

        hashes.Sort();
        var distinct = new List<ulong>(hashes.Count);
        foreach (var hash in hashes)
        {
            if (distinct.Count == 0 || distinct[^1] != hash)
            {
                distinct.Add(hash);
            }
        }

        return new ContentFingerprint([.. distinct]);
    }

    /// <summary>Exact Jaccard similarity |A∩B| / |A∪B|; two empty fingerprints are not similar.</summary>
    public double Similarity(ContentFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Jaccard(Shingles, other.Shingles);
    }

    public static double Jaccard(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (a.Length + b.Length - common);
    }

    private static ulong Hash(string text, ulong seed) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()), unchecked((long)seed));
}
