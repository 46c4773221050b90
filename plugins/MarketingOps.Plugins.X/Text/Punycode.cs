using System.Text;

namespace MarketingOps.Plugins.X.Text;

/// <summary>
/// RFC 3492 Punycode as the punycode 1.4.1 package that twitter-text uses applies it: every label is encoded, none is
/// refused (unlike <see cref="System.Globalization.IdnMapping"/>, which throws on emoji or "…"), so only its length is judged.
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>punycode.toASCII: each part between dots (., 。, ．, ｡) that holds a non-ASCII character becomes <c>xn--…</c>.</summary>
    public static string ToAscii(string domain)
    {
        var parts = domain.Split(['.', '\u3002', '\uFF0E', '\uFF61']);
        return string.Join('.', parts.Select(p => p.Any(c => c is < '\x20' or > '\x7E') ? "xn--" + Encode(p) : p));
    }

    public static string Encode(string input)
    {
        // UCS-2 decoding as JavaScript does it: a lone surrogate stays a code point of its own.
        var codePoints = new List<int>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsHighSurrogate(input[i]) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                codePoints.Add(char.ConvertToUtf32(input[i], input[i + 1]));
                i++;
            }
            else
            {
                codePoints.Add(input[i]);
            }
        }

        var output = new StringBuilder();
        foreach (var cp in codePoints.Where(cp => cp < 0x80))
        {
            output.Append((char)cp);
        }

        var basic = output.Length;
        var handled = basic;
        if (basic > 0)
        {
            output.Append('-');
        }

        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(cp => cp >= n).Min();
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n)
                {
                    delta++;
                }

                if (cp != n)
                {
                    continue;
                }

                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                    {
                        break;
                    }

                    output.Append(Digit(t + ((q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }

                output.Append(Digit(q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return output.ToString();
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int Adapt(int delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        for (; delta > ((Base - TMin) * TMax) / 2; k += Base)
        {
            delta /= Base - TMin;
        }

        return k + (((Base - TMin) + 1) * delta / (delta + Skew));
    }
}
