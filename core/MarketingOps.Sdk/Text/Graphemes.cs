using System.Text;

namespace MarketingOps.Sdk;

/// <summary>Counts user-perceived characters (extended grapheme clusters) by the current Unicode rules, including the Indic conjunct rule GB9c, as ICU does.</summary>
/// <remarks>.NET's <see cref="System.Globalization.StringInfo"/> predates GB9c and counts "क्ष" as two; Bluesky's limit, for one, is counted by ICU.</remarks>
public static class Graphemes
{
    /// <summary>The Unicode version whose properties and rules are applied.</summary>
    public static string UnicodeVersion => GraphemeData.UnicodeVersion;

    /// <summary>The number of extended grapheme clusters in <paramref name="text"/> (UAX #29); a lone surrogate counts as one.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var previous = Break.None;
        var conjunct = 0; // 1: InCB consonant then extends/linkers; 2: the same with a linker seen (GB9c)
        var pictographic = 0; // 1: ExtPict Extend*; 2: ExtPict Extend* ZWJ (GB11)
        var regionalIndicators = 0;
        for (var i = 0; i < text.Length;)
        {
            int codePoint;
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                codePoint = rune.Value;
                i += rune.Utf16SequenceLength;
            }
            else
            {
                codePoint = text[i]; // a lone surrogate: a Control of its own, as ICU treats it
                i++;
            }

            var properties = Lookup(codePoint);
            var current = (Break)(properties & 0x0F);
            var isPictographic = (properties & 0x10) != 0;
            var incb = (properties >> 5) & 0x03;

            if (previous == Break.None || IsBoundary(previous, current, conjunct, pictographic, regionalIndicators, incb, isPictographic))
            {
                count++;
            }

            conjunct = incb == Consonant ? 1 : conjunct > 0 && incb == Linker ? 2 : conjunct > 0 && incb == Extend ? conjunct : 0;
            pictographic = isPictographic ? 1 : pictographic == 1 && current == Break.Extend ? 1 : pictographic == 1 && current == Break.ZWJ ? 2 : 0;
            regionalIndicators = current == Break.Regional_Indicator ? regionalIndicators + 1 : 0;
            previous = current;
        }

        return count;
    }

    private const int Linker = 1, Consonant = 2, Extend = 3;

    private static bool IsBoundary(Break before, Break after, int conjunct, int pictographic, int regionalIndicators, int incb, bool isPictographic)
    {
        if (before == Break.CR && after == Break.LF)
        {
            return false; // GB3
        }

        if (before is Break.Control or Break.CR or Break.LF || after is Break.Control or Break.CR or Break.LF)
        {
            return true; // GB4, GB5
        }

        if ((before == Break.L && after is Break.L or Break.V or Break.LV or Break.LVT)
            || (before is Break.LV or Break.V && after is Break.V or Break.T)
            || (before is Break.LVT or Break.T && after == Break.T))
        {
            return false; // GB6, GB7, GB8
        }

        if (after is Break.Extend or Break.ZWJ or Break.SpacingMark || before == Break.Prepend)
        {
            return false; // GB9, GB9a, GB9b
        }

        if (conjunct == 2 && incb == Consonant)
        {
            return false; // GB9c
        }

        if (pictographic == 2 && before == Break.ZWJ && isPictographic)
        {
            return false; // GB11
        }

        return !(before == Break.Regional_Indicator && after == Break.Regional_Indicator && regionalIndicators % 2 == 1); // GB12, GB13
    }

    private static int Lookup(int codePoint)
    {
        var starts = GraphemeData.Starts;
        int low = 0, high = starts.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (starts[middle] <= codePoint)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high >= 0 && codePoint <= GraphemeData.Ends[high] ? GraphemeData.Values[high] : 0;
    }

    // The Grapheme_Cluster_Break values, in the table's order.
    private enum Break
    {
        Other, CR, LF, Control, Extend, ZWJ, Regional_Indicator, Prepend, SpacingMark, L, V, T, LV, LVT,
        None = -1,
    }
}
