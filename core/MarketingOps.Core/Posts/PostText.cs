namespace MarketingOps.Core.Posts;

/// <summary>How a post's text is read from a file: as written, less the one line break an editor adds at the end.</summary>
internal static class PostText
{
    /// <summary>What the CLI's help says about <c>--file</c>.</summary>
    public const string FileRule = "One trailing line break is dropped, as `git commit -F` does; everything else is kept as written.";

    /// <summary>Drops one trailing <c>\n</c> or <c>\r\n</c> from <paramref name="content"/>, nothing else.</summary>
    public static string FromFile(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.EndsWith("\r\n", StringComparison.Ordinal))
        {
            return content[..^2];
        }

        return content.EndsWith('\n') ? content[..^1] : content;
    }
}
