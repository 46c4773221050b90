using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>
/// MinHash signatures cut into LSH bands: two fingerprints become candidates when any band matches, which
/// happens with probability 1 − (1 − J^rows)^bands for Jaccard similarity J.
/// </summary>
internal sealed class MinHashBanding
{
    /// <summary>Hash functions available; bands × rows never exceeds it.</summary>
    public const int MaxSignatureLength = 128;

    /// <summary>How likely a pair exactly at the threshold must be to become a candidate.</summary>
    public const double TargetRecallAtThreshold = 0.995;

    private readonly ulong[] _seeds;

    public MinHashBanding(double threshold)
    {
        if (threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be in (0, 1].");
        }

        Threshold = threshold;

        // The most rows per band (fewest chance candidates) that still finds pairs at the threshold.
        Rows = 1;
        for (var rows = 8; rows >= 1; rows--)
        {
            if (CandidateProbability(threshold, rows, MaxSignatureLength / rows) >= TargetRecallAtThreshold)
            {
                Rows = rows;
                break;
            }
        }

        Bands = MaxSignatureLength / Rows;
        _seeds = new ulong[Bands * Rows];
        var state = 0x9E3779B97F4A7C15UL; // fixed seeds: the same text gets the same bands in every process
        for (var i = 0; i < _seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            _seeds[i] = Mix(state);
        }
    }

    public double Threshold { get; }

    public int Rows { get; }

    public int Bands { get; }

    public static double CandidateProbability(double similarity, int rows, int bands) =>
        1 - Math.Pow(1 - Math.Pow(similarity, rows), bands);

    /// <summary>Writes one key per band into <paramref name="keys"/> (length <see cref="Bands"/>).</summary>
    public void BandKeys(ulong[] shingles, Span<ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        Span<ulong> signature = stackalloc ulong[_seeds.Length];
        signature.Fill(ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < signature.Length; i++)
            {
                var value = Mix(shingle ^ _seeds[i]);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        for (var band = 0; band < Bands; band++)
        {
            var rows = signature.Slice(band * Rows, Rows);
            keys[band] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(rows), band);
        }
    }

    // SplitMix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
