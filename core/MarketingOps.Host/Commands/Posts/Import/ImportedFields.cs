namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>
/// One post of an import file as written: a CSV row's columns or a JSON object's members, named alike
/// (<c>in_reply_to</c> in both). Nothing is trimmed or changed; empty means not given.
/// </summary>
internal sealed record ImportedFields
{
    public string? Account { get; init; }

    public string? At { get; init; }

    public string? Tz { get; init; }

    public string? Text { get; init; }

    public string? File { get; init; }

    public IReadOnlyList<string>? Media { get; init; }

    public string? Kind { get; init; }

    public string? To { get; init; }

    public string? InReplyTo { get; init; }

    public string? Experiment { get; init; }

    public string? Variant { get; init; }

    /// <summary>Platform options by name: the <c>option:NAME</c> columns of a CSV file, the <c>options</c> object of JSON.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
