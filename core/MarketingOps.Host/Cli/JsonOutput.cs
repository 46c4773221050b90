using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Cli;

/// <summary>
/// The one JSON shape every <c>--json</c> output uses: camelCase, enums as strings, indented, and text as UTF-8 as
/// typed (<c>é</c>, <c>👋</c>), escaping only what JSON requires (quotes, backslashes, control characters).
/// </summary>
internal static partial class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },

        // Not for HTML: this output goes to a terminal or a program, so < > & ' stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(Serialize(value));

    public static string Serialize<T>(T value) => Unescape(JsonSerializer.Serialize(value, Options));

    // The relaxed encoder still escapes every character beyond U+FFFF (emoji) as a surrogate pair; such a pair is written
    // as the character itself. An escape is one only after an even number of backslashes (\\uD83D is a backslash and text).
    private static string Unescape(string json) => json.Contains("\\uD", StringComparison.Ordinal)
        ? SurrogatePair().Replace(json, m => m.Groups["slashes"].Value + char.ConvertFromUtf32(char.ConvertToUtf32(Hex(m.Groups["high"].Value), Hex(m.Groups["low"].Value))))
        : json;

    private static char Hex(string digits) => (char)int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\\)(?<slashes>(?:\\\\)*)\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex SurrogatePair();
}
