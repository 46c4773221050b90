using System.Globalization;

namespace MarketingOps.Core.Tests.TestDoubles;

/// <summary>Texts that share no words with each other, so the guardrails' duplicate rule never links two test posts.</summary>
internal static class DistinctText
{
    private static readonly string[] Words =
    [
        "apple", "birch", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp", "lagoon",
        "meadow", "nectar", "onyx", "pebble", "quartz", "river", "saffron", "tundra", "umber", "violet", "willow", "yarrow",
        "zephyr", "amber", "basil", "cedar", "delta", "fern", "glacier", "hazel",
    ];

    private static int _next;

    /// <summary>Six words drawn by a hash of a fresh number: two calls rarely share even one word.</summary>
    public static string Next()
    {
        var n = (uint)Interlocked.Increment(ref _next);
        var parts = new string[6];
        for (var i = 0; i < parts.Length; i++)
        {
            var hash = unchecked((n * 2654435761u) ^ ((uint)i * 40503u + 0x9e3779b9u));
            hash = unchecked(hash * 2246822519u);
            parts[i] = Words[(int)(hash >> 27)] + Words[(int)((hash >> 22) & 31)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"Note {n}: {string.Join(' ', parts)}");
    }
}
