namespace MarketingOps.Plugins.X.Text;

/// <summary>twitter-text's verdict on a text; ranges are inclusive UTF-16 indices into the original text.</summary>
internal sealed record TwitterTextParseResult(
    int WeightedLength,
    int Permillage,
    bool IsValid,
    int DisplayRangeStart,
    int DisplayRangeEnd,
    int ValidRangeStart,
    int ValidRangeEnd)
{
    public static TwitterTextParseResult Empty { get; } = new(0, 0, false, 0, 0, 0, 0);
}
