using MarketingOps.Core.Experiments.Definitions;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>A variant with one really different wording per post, as the duplicate guardrail requires of repeats.</summary>
internal static class Wordings
{
    private static readonly string[] Words =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
        "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray",
        "amber", "basil", "cedar", "dune", "ember", "fjord", "grove", "heath", "iris", "jade", "kelp", "lotus",
    ];

    /// <summary>
    /// Variant <paramref name="name"/> whose every round is <paramref name="text"/> followed by three words no other
    /// round uses (from the <paramref name="skip"/>-th word on: give variants with similar texts different ones).
    /// </summary>
    public static VariantDefinition Variant(string name, string text, int rounds = 8, int skip = 0)
    {
        var texts = Enumerable.Range(0, rounds).Select(r => $"{text} {string.Join(' ', Words.Skip(skip + (3 * r)).Take(3))}").ToList();
        return new VariantDefinition(name, texts[0]) { Rounds = texts };
    }
}
