using System.Globalization;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>One thing wrong with an experiment definition, and where: file, line and column when known, and the path of the field.</summary>
/// <param name="File">The file as the user named it; null for a definition built in code.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Path">The field, e.g. <c>variants[1].text</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong, in words a user understands.</param>
internal sealed record DefinitionProblem(string? File, int? Line, int? Column, string Path, string Message)
{
    public override string ToString()
    {
        var where = File is null ? string.Empty
            : Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}:{Column ?? 1}: ")
            : $"{File}: ";
        return Path.Length == 0 ? $"{where}{Message}" : $"{where}{Path}: {Message}";
    }
}
