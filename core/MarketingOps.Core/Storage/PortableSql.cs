using System.Text.RegularExpressions;

namespace MarketingOps.Core.Storage;

/// <summary>
/// A migration script written once for both dialects, with placeholders where SQLite and PostgreSQL spell a thing
/// differently:
/// <list type="bullet">
/// <item><c>{bigint}</c>: a 64-bit integer column (SQLite <c>INTEGER</c>, PostgreSQL <c>BIGINT</c>).</item>
/// <item><c>{auto key}</c>: a 64-bit primary key the database numbers and never reuses.</item>
/// <item><c>{sqlite:…}</c>, <c>{postgres:…}</c>: the text after the colon, as written, in that dialect only; a line
/// holding nothing else vanishes, line break and all, in the other.</item>
/// </list>
/// Any other <c>{…}</c> is refused, so a misspelt placeholder never reaches a database.
/// </summary>
internal static partial class PortableSql
{
    public static string Expand(string script, SqlDialect dialect)
    {
        var lines = script.Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var expanded = Placeholder().Replace(line, match => Expand(match, dialect));
            if (expanded.TrimEnd('\r').Length > 0 || line.TrimEnd('\r').Length == 0)
            {
                kept.Add(expanded);
            }
        }

        return string.Join('\n', kept);
    }

    private static string Expand(Match placeholder, SqlDialect dialect)
    {
        var sqlite = dialect == SqlDialect.Sqlite;
        var only = placeholder.Groups["text"];
        return (placeholder.Groups["name"].Value, only.Success) switch
        {
            ("bigint", false) => sqlite ? "INTEGER" : "BIGINT",
            ("auto key", false) => sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            ("sqlite", true) => sqlite ? only.Value : "",
            ("postgres", true) => sqlite ? "" : only.Value,
            _ => throw new InvalidOperationException($"A migration holds the unknown placeholder {placeholder.Value}."),
        };
    }

    [GeneratedRegex(@"\{(?<name>[a-z ]+)(?::(?<text>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
