using System.Text;
using System.Text.Json;

namespace MarketingOps.Core.Parsing;

/// <summary>
/// A JSON syntax error in the user's terms, for <c>FILE:LINE:COLUMN: not valid JSON: …</c> (line and column from 1, the
/// column in characters): System.Text.Json speaks to programmers ("Change the reader options", byte positions from 0).
/// Post import files and experiment files say it alike.
/// </summary>
internal static class JsonSyntaxProblem
{
    public static (int Line, int Column, string Reason) Locate(string content, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(exception);
        var line = (int)(exception.LineNumber ?? 0);
        var column = Column(content, line, exception.BytePositionInLine ?? 0);
        if (exception.Message.Contains("trailing comma", StringComparison.Ordinal))
        {
            // The parser stops at the ] or } after the comma; the comma is what to remove.
            (line, column) = CommaBefore(content, line, column);
        }

        return (line + 1, column, Reason(exception.Message));
    }

    // The line (from 0) and column (from 1) of the comma before (line, column), past white space.
    private static (int Line, int Column) CommaBefore(string content, int line, int column)
    {
        var lines = content.Split('\n');
        var (l, c) = (line, column - 2);
        while (l >= 0)
        {
            for (; c >= 0 && l < lines.Length; c--)
            {
                if (lines[l][c] == ',')
                {
                    return (l, c + 1);
                }

                if (!char.IsWhiteSpace(lines[l][c]))
                {
                    return (line, column);
                }
            }

            l--;
            c = l >= 0 ? lines[l].Length - 1 : -1;
        }

        return (line, column);
    }

    private static string Reason(string message)
    {
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a comma after the last item of an array or object; JSON allows none there: remove it";
        }

        if (message.Contains("open JSON object or array", StringComparison.Ordinal))
        {
            return "the file ends before every [ and { is closed";
        }

        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "the file is empty; give an array of posts, [{\"account\": …, \"at\": …, \"text\": …}, …]";
        }

        // The parser's own words, less its advice to programmers and its position (given above, counted from 1).
        var reason = message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
        var advice = reason.IndexOf(" Change the reader options", StringComparison.Ordinal);
        return (advice >= 0 ? reason[..advice] : reason).Trim();
    }

    // BytePositionInLine counts UTF-8 bytes from 0; an editor counts characters from 1.
    private static int Column(string content, int line, long bytePosition)
    {
        var lines = content.Split('\n');
        if (line >= lines.Length)
        {
            return 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }
}
