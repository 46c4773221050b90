using System.Text;

namespace MarketingOps.Plugins.X.Tests.Text;

/// <summary>Turns a JavaScript regular expression's source (no <c>u</c> flag) into the .NET pattern that matches the same.</summary>
internal static class JsRegex
{
    public static string ToDotNet(string source)
    {
        var result = new StringBuilder(source.Length + 16);
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
            {
                var next = source[i + 1];
                if (next is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B')
                {
                    // .NET's meaning is Unicode-wide where JavaScript's is not; none of twitter-text's patterns use them.
                    throw new NotSupportedException($"\\{next} at {i} has no identical .NET meaning");
                }

                result.Append(c).Append(next);
                i++;
                continue;
            }

            if (inClass)
            {
                // A '[' inside a class is literal in JavaScript; in .NET "-[" would start a class subtraction.
                result.Append(c == '[' ? "\\[" : c.ToString());
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    result.Append(c);
                    if (i + 1 < source.Length && source[i + 1] == '^')
                    {
                        result.Append('^');
                        i++;
                    }

                    if (i + 1 < source.Length && source[i + 1] == ']')
                    {
                        throw new NotSupportedException($"an empty class at {i}");
                    }

                    break;
                case '$':
                    // JavaScript's $ (without the m flag) is the end of the input only; .NET's also matches before a final \n.
                    result.Append("\\z");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }
}
