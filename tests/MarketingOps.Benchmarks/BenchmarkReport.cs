using System.Globalization;

namespace MarketingOps.Benchmarks;

/// <summary>Collects results as lines of "suite metric value unit" and prints them as they come.</summary>
internal sealed class BenchmarkReport
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string suite, string metric, double value, string unit, string? note = null)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{suite,-12} {metric,-48} {value,12:0.###} {unit}{(note is null ? "" : "  (" + note + ")")}");
        _lines.Add(line);
        Console.WriteLine(line);
    }
}
