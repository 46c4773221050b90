using System.Text.RegularExpressions;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Examples;

/// <summary>The code in docs/scripting.md runs as written.</summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public async Task The_first_script_in_the_guide_runs()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("first.csx", CodeBlockAfter("## A first script"));
        var host = new TestHost();

        var result = await host.RunAsync(file, args: "brand");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("post-1", result.ReturnValue);
        Assert.Contains("0 posts this week", host.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_experiment_in_the_guide_starts()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("experiment.csx", "var at = Now.AddDays(1);\n" + CodeBlockAfter("### Experiments").Replace("\"acme\"", "\"brand\"", StringComparison.Ordinal) + "\nexperiment.Plan.Variants.Count\n");
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("2", result.ReturnValue);
    }

    private static string CodeBlockAfter(string heading)
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scripting.md"));
        var section = guide[guide.IndexOf(heading, StringComparison.Ordinal)..];
        return CodeBlock().Match(section).Groups["code"].Value;
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
