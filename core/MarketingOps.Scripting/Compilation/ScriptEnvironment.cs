using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using MarketingOps.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Compilation;

/// <summary>What every script is compiled against: references, usings, language and compiler options, and their fingerprint for the cache.</summary>
internal sealed class ScriptEnvironment
{
    /// <summary>The name of the class the compiler wraps the script in.</summary>
    public const string ScriptClassName = "MopsScript";

    /// <summary>Bump when the policy or the instrumentation changes, so cached images compiled under the old rules are not reused.</summary>
    private const string RulesVersion = "policy-4;budget-3";

    // Runtime assemblies scripts compile against. Some hold only forbidden types (System.Net.Http, System.Console, …):
    // they are referenced so that using them is reported as a policy violation that names the type, not as "type not found".
    private static readonly string[] RuntimeAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Collections.Concurrent", "System.Collections.Immutable",
        "System.Collections.NonGeneric", "System.Collections.Specialized", "System.ObjectModel", "System.Linq", "System.Memory",
        "System.Text.RegularExpressions", "System.Text.Json", "System.Text.Encoding.Extensions", "System.Runtime.Extensions",
        "System.Threading", "System.Threading.Tasks", "System.Console", "System.Net.Http", "System.Net.Primitives",
        "System.Net.Sockets", "System.Diagnostics.Process", "System.Threading.Thread", "System.Threading.ThreadPool",
        "System.Runtime.InteropServices", "System.Runtime.Loader", "System.Linq.Expressions", "System.Linq.Queryable",
        "System.Linq.Parallel", "System.Threading.Tasks.Parallel", "System.ComponentModel.Primitives",
        "System.Private.Uri", // where System.Runtime forwards Uri: without it `new Uri(…)` is CS1069
    ];

    private static readonly Lazy<ScriptEnvironment> Shared = new(() => new ScriptEnvironment());

    private ScriptEnvironment()
    {
        var paths = new List<string> { typeof(object).Assembly.Location };
        var platform = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase);
        foreach (var name in RuntimeAssemblies)
        {
            if (platform.TryGetValue(name, out var path))
            {
                paths.Add(path);
            }
        }

        paths.Add(typeof(ILogger).Assembly.Location);
        paths.Add(typeof(ScriptGlobals).Assembly.Location);
        ReferencePaths = paths.Distinct(StringComparer.Ordinal).ToImmutableArray();
        References = ReferencePaths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp14, DocumentationMode.None, SourceCodeKind.Script);
        Fingerprint = ComputeFingerprint();
    }

    public static ScriptEnvironment Default => Shared.Value;

    /// <summary>Namespaces every script sees without a <c>using</c>.</summary>
    public static ImmutableArray<string> Usings { get; } =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
        "MarketingOps.Scripting", "Microsoft.Extensions.Logging",
    ];

    public ImmutableArray<string> ReferencePaths { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public CSharpParseOptions ParseOptions { get; }

    /// <summary>SHA-256 of everything besides the sources that decides what a compilation produces.</summary>
    public byte[] Fingerprint { get; }

    public static CSharpCompilationOptions CompilationOptions(SourceReferenceResolver resolver) => new(
        OutputKind.DynamicallyLinkedLibrary,
        scriptClassName: ScriptClassName,
        usings: Usings,
        optimizationLevel: OptimizationLevel.Release,
        checkOverflow: false,
        allowUnsafe: false,
        deterministic: true,
        nullableContextOptions: NullableContextOptions.Disable,
        sourceReferenceResolver: resolver,
        metadataReferenceResolver: null);

    public CSharpCompilation CreateCompilation(string assemblyName, SyntaxTree main, SourceReferenceResolver resolver)
        => CSharpCompilation.CreateScriptCompilation(
            assemblyName,
            main,
            References,
            CompilationOptions(resolver),
            previousScriptCompilation: null,
            returnType: typeof(object),
            globalsType: typeof(ScriptGlobals));

    private byte[] ComputeFingerprint()
    {
        var text = new StringBuilder()
            .Append("roslyn=").AppendLine(typeof(CSharpCompilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion)
            .Append("runtime=").AppendLine(Environment.Version.ToString())
            .Append("sdk=").AppendLine(SdkInfo.Version.ToString())
            .Append("rules=").AppendLine(RulesVersion)
            .Append("language=").AppendLine(ParseOptions.LanguageVersion.ToString())
            .Append("options=").AppendLine($"release;unsafe=off;nullable=off;deterministic;class={ScriptClassName}")
            .Append("usings=").AppendLine(string.Join(',', Usings))
            .Append("globals=").AppendLine(typeof(ScriptGlobals).AssemblyQualifiedName);
        foreach (var path in ReferencePaths)
        {
            text.Append("ref=").Append(path).Append('@').AppendLine(ModuleVersionId(path));
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid).ToString("N");
    }
}
