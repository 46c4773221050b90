namespace MarketingOps.Plugins.Sandbox;

/// <summary>
/// Seeded hashing and a random-access SplitMix64 stream. string.GetHashCode is randomised per process,
/// and System.Random is sequential, while the sandbox needs "the i-th draw of this post's click stream"
/// to be the same in every process and for every order of calls.
/// </summary>
internal static class StableHash
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>FNV-1a over the parts (with a separator between them), finalised with the seed.</summary>
    public static ulong Of(long seed, params ReadOnlySpan<string> parts)
    {
        var hash = 0xCBF29CE484222325;
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 0x100000001B3;
            }

            hash = (hash ^ 0xFFFF) * 0x100000001B3;
        }

        return Mix(hash ^ Mix((ulong)seed));
    }

    /// <summary>The SplitMix64 output function.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>The <paramref name="index"/>-th output (from 0) of the SplitMix64 generator started at <paramref name="stream"/>.</summary>
    public static ulong At(ulong stream, long index) => Mix(stream + (((ulong)index + 1) * Golden));

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public static double Unit(ulong value) => (value >> 11) * (1.0 / (1UL << 53));

    /// <summary>The <paramref name="index"/>-th uniform draw of a stream.</summary>
    public static double UnitAt(ulong stream, long index) => Unit(At(stream, index));

    /// <summary>A standard normal draw (Box–Muller) from two uniforms of a stream.</summary>
    public static double NormalAt(ulong stream, long index)
    {
        var u1 = 1.0 - UnitAt(stream, 2 * index);
        var u2 = UnitAt(stream, (2 * index) + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson draw by inversion; fine for the small means the sandbox uses.</summary>
    public static int PoissonAt(ulong stream, long index, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var u = UnitAt(stream, index);
        var p = Math.Exp(-mean);
        var cumulative = p;
        var k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }

        return k;
    }
}
