using System.Globalization;
using System.Text;

namespace MarketingOps.Scripting.Tests.Support;

/// <summary>A script that passes the policy but whose compilation doubles in time with each line: tuples of tuples of tuples.</summary>
public static class CompileBomb
{
    public static string Source(int depth)
    {
        var text = new StringBuilder("var t0 = (1, 1);\n");
        for (var i = 1; i <= depth; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"var t{i} = (t{i - 1}, t{i - 1});\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"t{depth}.Item1.Item1\n").ToString();
    }
}
