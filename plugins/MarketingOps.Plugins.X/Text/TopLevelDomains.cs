using System.Reflection;

namespace MarketingOps.Plugins.X.Text;

/// <summary>The top-level domains twitter-text recognises at the end of a URL (an embedded list).</summary>
internal static class TopLevelDomains
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(Load);

    public static IReadOnlyList<string> Names => All.Value;

    private static List<string> Load()
    {
        var assembly = typeof(TopLevelDomains).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream("MarketingOps.Plugins.X.Text.tlds.txt")
            ?? throw new InvalidOperationException("The embedded TLD list is missing from the X plugin.");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                names.Add(line);
            }
        }

        return names;
    }
}
