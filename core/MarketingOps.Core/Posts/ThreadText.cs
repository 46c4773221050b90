using System.Text.RegularExpressions;

namespace MarketingOps.Core.Posts;

/// <summary>How a thread is written in one file: its parts in order, separated by a line that is exactly <c>---</c>.</summary>
public static partial class ThreadText
{
    /// <summary>What the CLI's help says about <c>--thread-file</c>.</summary>
    public const string FileRule = "Parts are separated by a line that is exactly '---'; each part is kept as written, less the line breaks around the separators and the file's one trailing line break.";

    /// <summary>The parts of <paramref name="content"/>, in order; one part when it has no separator line. Empty parts are kept, for the caller to refuse by number.</summary>
    public static IReadOnlyList<string> Split(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Separator().Split(PostText.FromFile(content));
    }

    // The separator line with the line break before it and after it (or the start or the end of the text).
    [GeneratedRegex(@"(?:^|\r?\n)---(?:\r?\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
