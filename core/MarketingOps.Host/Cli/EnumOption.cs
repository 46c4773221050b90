namespace MarketingOps.Host.Cli;

/// <summary>
/// An option that takes one of an enum's names, in any case. Declared as a string and read here: Spectre's own
/// conversion refused a typo as "Failed to convert 'bogus' to Nullable`1. Valid values are '', …", naming neither the
/// option nor anything a person would type.
/// </summary>
internal static class EnumOption
{
    /// <summary>The value named by <paramref name="text"/>, or null when the option was not given.</summary>
    /// <exception cref="UsageException"><paramref name="text"/> names none of the values.</exception>
    public static T? Parse<T>(string? text, string option, string noun)
        where T : struct, Enum
        => text is null ? null : Find<T>(text) ?? throw new UsageException(Refusal<T>(text, option, noun));

    /// <summary>Why <paramref name="text"/> is refused, for a settings class's <c>Validate</c>; null when it is taken or not given.</summary>
    public static string? Problem<T>(string? text, string option, string noun)
        where T : struct, Enum
        => text is null || Find<T>(text) is not null ? null : Refusal<T>(text, option, noun);

    // Names only: Enum.Parse would also take "3" and "Draft,Failed".
    private static T? Find<T>(string text)
        where T : struct, Enum
        => Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;

    private static string Refusal<T>(string text, string option, string noun)
        where T : struct, Enum
        => $"{option}: '{text}' is not {Article(noun)} {noun}; use one of {string.Join(", ", Enum.GetNames<T>())}";

    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";
}
