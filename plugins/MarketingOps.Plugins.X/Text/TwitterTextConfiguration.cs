using System.Text.Json;

namespace MarketingOps.Plugins.X.Text;

/// <summary>twitter-text's weighting configuration (the shape of its <c>config-v3.json</c>).</summary>
internal sealed record TwitterTextConfiguration
{
    public int MaxWeightedTweetLength { get; init; } = 280;

    public int Scale { get; init; } = 100;

    public int DefaultWeight { get; init; } = 200;

    public int TransformedUrlLength { get; init; } = 23;

    public bool EmojiParsingEnabled { get; init; } = true;

    public IReadOnlyList<TwitterTextWeightedRange> Ranges { get; init; } =
    [
        new(0, 4351, 100),
        new(8192, 8205, 100),
        new(8208, 8223, 100),
        new(8242, 8247, 100),
    ];

    /// <summary>Version 3, the one X applies today: the values of twitter-text's <c>config-v3.json</c>.</summary>
    public static TwitterTextConfiguration V3 { get; } = new();

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a twitter-text configuration file's JSON.</summary>
    public static TwitterTextConfiguration FromJson(string json)
    {
        var parsed = JsonSerializer.Deserialize<ConfigurationFile>(json, JsonOptions)
            ?? throw new FormatException("The twitter-text configuration is empty.");
        return new TwitterTextConfiguration
        {
            MaxWeightedTweetLength = parsed.MaxWeightedTweetLength,
            Scale = parsed.Scale,
            DefaultWeight = parsed.DefaultWeight,
            TransformedUrlLength = parsed.TransformedUrlLength,
            EmojiParsingEnabled = parsed.EmojiParsingEnabled,
            Ranges = parsed.Ranges.Select(r => new TwitterTextWeightedRange(r.Start, r.End, r.Weight)).ToList(),
        };
    }

    public bool Equivalent(TwitterTextConfiguration other) =>
        other is not null
        && MaxWeightedTweetLength == other.MaxWeightedTweetLength && Scale == other.Scale
        && DefaultWeight == other.DefaultWeight && TransformedUrlLength == other.TransformedUrlLength
        && EmojiParsingEnabled == other.EmojiParsingEnabled && Ranges.SequenceEqual(other.Ranges);

    private sealed record ConfigurationFile(
        int MaxWeightedTweetLength,
        int Scale,
        int DefaultWeight,
        int TransformedUrlLength,
        bool EmojiParsingEnabled,
        IReadOnlyList<RangeEntry> Ranges);

    private sealed record RangeEntry(int Start, int End, int Weight);
}
