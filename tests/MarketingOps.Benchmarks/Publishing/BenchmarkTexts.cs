using System.Globalization;

namespace MarketingOps.Benchmarks.Publishing;

/// <summary>Post texts that share almost no words, so the duplicate guardrail (which the measured pipeline runs) lets every benchmark post through.</summary>
internal static class BenchmarkTexts
{
    private static readonly string[] Words =
    [
        "apple", "birch", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp", "lagoon",
        "meadow", "nectar", "onyx", "pebble", "quartz", "river", "saffron", "tundra", "umber", "violet", "willow", "yarrow",
        "zephyr", "amber", "basil", "cedar", "delta", "fern", "glacier", "hazel",
    ];

    /// <summary>Text number <paramref name="index"/>; distinct indexes give unrelated texts, whatever <paramref name="run"/> says.</summary>
    public static string For(int index, string run)
    {
        var words = new string[8];
        for (var i = 0; i < words.Length; i++)
        {
            var hash = unchecked(((uint)index * 2654435761u) ^ ((uint)i * 40503u + 0x9e3779b9u));
            hash = unchecked(hash * 2246822519u);
            words[i] = Words[(int)(hash >> 27)] + Words[(int)((hash >> 22) & 31)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(' ', words)} ({run} {index})");
    }
}
