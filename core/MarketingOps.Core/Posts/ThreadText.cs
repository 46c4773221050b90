namespace MarketingOps.Core.Posts;

/// <summary>How a thread is written in one file: its parts in order, separated by a line that is exactly <c>---</c>.</summary>
public static class ThreadText
{
    /// <summary>What the CLI's help says about <c>--thread-file</c>.</summary>
    public const string FileRule = "Parts are separated by a line that is exactly '---'; each part is kept as written, less the line breaks around the separators and the file's one trailing line break.";

    /// <summary>The parts of <paramref name="content"/>, in order; one part when it has no separator line. Empty parts are kept, for the caller to refuse.</summary>
    public static IReadOnlyList<string> Split(string content) => [.. Parts(content).Select(p => p.Text)];

    /// <summary>
    /// The parts of <paramref name="content"/> with where each is: two separators in a row, or one at the start or the
    /// end, give a part with no lines, which a caller refuses naming the separator's line.
    /// </summary>
    public static IReadOnlyList<ThreadFilePart> Parts(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var parts = new List<ThreadFilePart>();
        var lines = PostText.FromFile(content).Split('\n');
        var first = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].TrimEnd('\r') != "---")
            {
                continue;
            }

            // Lines first..i-1, without the line break before the separator (\r\n or \n).
            var text = string.Join('\n', lines[first..i]);
            text = i < lines.Length && text.EndsWith('\r') ? text[..^1] : text;
            var line = first < i ? first + 1 : Math.Min(i + 1, lines.Length);
            parts.Add(new ThreadFilePart(text, line, HasLines: first < i));
            first = i + 1;
        }

        return parts;
    }
}
