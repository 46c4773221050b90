using System.Globalization;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>Post texts that share almost no words, so the duplicate guardrail lets every test post through.</summary>
internal static class PostTexts
{
    private static readonly string[] Words =
    [
        "apple", "birch", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp", "lagoon",
        "meadow", "nectar", "onyx", "pebble", "quartz", "river", "saffron", "tundra", "umber", "violet", "willow", "yarrow",
        "zephyr", "amber", "basil", "cedar", "delta", "fern", "glacier", "hazel",
    ];

    /// <summary>Post <paramref name="index"/> of <paramref name="test"/>, carrying the fake's marker when its outcome is to be ambiguous.</summary>
    public static string For(int index, string test, bool unsure)
    {
        var words = new string[8];
        for (var i = 0; i < words.Length; i++)
        {
            var hash = unchecked(((uint)index * 2654435761u) ^ ((uint)i * 40503u + 0x9e3779b9u));
            hash = unchecked(hash * 2246822519u);
            words[i] = Words[(int)(hash >> 27)] + Words[(int)((hash >> 22) & 31)];
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{string.Join(' ', words)} ({test} {index})");
        return unsure ? text + " " + FakePlatformServer.UnsureMarker : text;
    }
}
