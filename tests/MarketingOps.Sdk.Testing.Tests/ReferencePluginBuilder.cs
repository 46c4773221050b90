using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>Compiles the reference plugin (with at most one defect) into a plugin folder, as a third party's build would leave it.</summary>
internal static class ReferencePluginBuilder
{
    public const string Secret = "reference-token-CANARY-5c1b7e02";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted.Append(typeof(IPlatform).Assembly.Location).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>The folder of the built plugin; <paramref name="defect"/> is one of the DEFECT_ symbols, or null for the good plugin.</summary>
    public static string Build(string? defect)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mops-reference-plugins", defect ?? "GOOD", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var assembly = typeof(ReferencePluginBuilder).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Contains("ReferencePlugin.cs", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the reference plugin's source is not embedded; resources: " + string.Join(", ", assembly.GetManifestResourceNames()));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var source = new StreamReader(stream).ReadToEnd();
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: defect is null ? [] : [defect]);
        var compilation = CSharpCompilation.Create("Reference.Plugin", [CSharpSyntaxTree.ParseText(source, options)], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(Path.Combine(folder, "Reference.Plugin.dll"));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        File.WriteAllText(Path.Combine(folder, PluginManifest.FileName), JsonSerializer.Serialize(new { id = "reference", version = "1.0.0", sdkRange = "[1.0,2.0)", entryAssembly = "Reference.Plugin.dll", kind = "platform" }));
        return folder;
    }

    public static PlatformUnderTest UnderTest(string? defect) => new(Build(defect))
    {
        Secrets = new Dictionary<string, string> { ["reference/conformance/token"] = Secret },
        LostAnswerSettingsJson = """{ "loseAnswers": "true" }""",
    };
}
