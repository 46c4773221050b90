using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Policy;

/// <summary>What a marketer writes every day must pass the policy and run.</summary>
public sealed class AllowedScriptTests
{
    public static TheoryData<string, string, string> Allowed => new()
    {
        { "LINQ", "new[] { 3, 1, 2 }.OrderBy(x => x).Select(x => x * 10).Aggregate(\"\", (s, x) => s + x)", "102030" },
        { "query syntax", "string.Join(\",\", from w in new[] { \"a\", \"bb\", \"ccc\" } let n = w.Length where n > 1 orderby n descending select w.ToUpperInvariant())", "CCC,BB" },
        { "StringBuilder", "var sb = new StringBuilder(); sb.Append(\"a\").Append(1); sb.Append($\"{2:D2}\"); sb.ToString()", "a102" },
        { "Regex", "System.Text.RegularExpressions.Regex.Matches(\"#a #bb\", @\"#(\\w+)\").Select(m => m.Groups[1].Value).Last()", "bb" },
        { "JSON", "record Row(string Name, int Clicks);\nvar json = Json.Serialize(new Row(\"A\", 3));\njson + Json.Deserialize<Row>(json)!.Clicks", "{\"name\":\"A\",\"clicks\":3}3" },
        { "JsonNode", "Json.Parse(\"{\\\"a\\\":[1,2]}\")![\"a\"]![1]!.GetValue<int>()", "2" },
        { "JsonDocument", "var doc = System.Text.Json.JsonDocument.Parse(\"[1,2,3]\");\ndoc.RootElement.GetArrayLength()", "3" },
        { "collections", "var d = new Dictionary<string, int> { [\"a\"] = 1 }; var h = new HashSet<int> { 1, 1, 2 }; var q = new Queue<int>([5]); d[\"a\"] + h.Count + q.Peek()", "8" },
        { "immutable", "System.Collections.Immutable.ImmutableArray.Create(1, 2).Add(3).Length", "3" },
        { "tuples and deconstruction", "var (a, b) = (1, \"x\"); foreach (var (k, v) in new Dictionary<int, int> { [2] = 3 }) { a += k + v; } $\"{a}{b}\"", "6x" },
        { "records, classes, switch", "record P(int X);\nclass Box { public int V { get; init; } public int Twice => V * 2; }\nobject o = new P(4);\no switch { P { X: > 3 } p => new Box { V = p.X }.Twice, _ => 0 }", "8" },
        { "time math", "var t = Now.AddDays(1); (t - Now).TotalHours", "24" },
        { "time zones", "Account(\"brand\").At(new DateOnly(2026, 7, 1), new TimeOnly(9, 0)).ToString(\"HH:mm\", System.Globalization.CultureInfo.InvariantCulture)", "07:00" },
        { "Math and Random", "Math.Round(Math.Sqrt(16) + new Random(1).Next(1, 2))", "5" },
        { "formatting", "(0.1234).ToString(\"P1\", System.Globalization.CultureInfo.InvariantCulture)", "12.3 %" },
        { "async and Task.Delay with the token", "async Task<int> Later() { await Task.Delay(1, CancellationToken); return 2; }\nawait Later() + (await Task.WhenAll(Later(), Later())).Sum()", "6" },
        { "Delay global", "await Delay(TimeSpan.Zero); 1", "1" },
        { "iterators", "IEnumerable<int> Odd() { for (var i = 1; ; i += 2) yield return i; }\nOdd().Take(3).Sum()", "9" },
        { "exceptions", "int Parse(string s) { try { return int.Parse(s, System.Globalization.CultureInfo.InvariantCulture); } catch (FormatException) { return -1; } }\nParse(\"x\")", "-1" },
        { "enums", "Enum.Parse<DayOfWeek>(\"Monday\") + 1", "Tuesday" },
        { "spans", "\"hello world\".AsSpan(6).ToString()", "world" },
        { "expression-bodied members and properties", "class K { int _v = 2; public int V => _v; public int this[int i] => i * V; public static K operator +(K a, K b) => a; }\n(new K() + new K())[3]", "6" },
        { "a linked token source", "var cts = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);\ncts.CancelAfter(TimeSpan.FromMinutes(1));\ncts.Token.IsCancellationRequested", "False" },
        { "Uri and Version", "var link = new Uri(\"https://example.com/spring?utm_source=mops\");\n$\"{link.Host}{link.AbsolutePath} {new Version(1, 2)}\"", "example.com/spring 1.2" },
        { "interlocked", "var n = 0; System.Threading.Interlocked.Increment(ref n); n", "1" },
        { "script arguments", "Args.Length", "0" },
        { "Guid.CreateVersion7 at the script's clock", "Guid.CreateVersion7(Now).Version", "7" },
        { "a property with the field keyword", "class Named { public string Name { get => field ?? \"none\"; set => field = value.Trim(); } }\nnew Named { Name = \" a \" }.Name", "a" },
        { "JsonValue of a number", "System.Text.Json.Nodes.JsonValue.Create(3).ToJsonString()", "3" },
        { "Regex with a timeout", "System.Text.RegularExpressions.Regex.IsMatch(\"ab\", \"b\", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))", "True" },
        { "constants and static methods", "static class Pricing { public const decimal Vat = 0.19m; public static decimal Gross(decimal net) => net * (1 + Vat); public static string Label => \"gross\"; }\n$\"{Pricing.Label} {Pricing.Gross(100m)}\"", "gross 119.00" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Everyday_code_passes_the_policy_and_runs(string name, string source, string expected)
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("ok.csx", source + "\n");

        var result = await new TestHost().RunAsync(file);

        Assert.True(result.Outcome == ScriptOutcome.Completed, $"{name}:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Equal(expected, result.ReturnValue);
    }
}
