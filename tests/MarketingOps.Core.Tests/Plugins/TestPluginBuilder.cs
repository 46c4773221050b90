using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MarketingOps.Core.Tests.Plugins;

/// <summary>Compiles a plugin from source into a folder of its own, the way a third party would ship one: no reference from the solution.</summary>
internal static class TestPluginBuilder
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var shared = new[] { typeof(IPlatform).Assembly.Location, typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location, typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location };
        return trusted.Concat(shared).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    /// <summary>Writes <c>plugin.json</c> and compiles <paramref name="source"/> into <paramref name="directory"/>.</summary>
    public static string Build(string directory, string id, string source, string sdkRange = "[1.0,2.0)", string kind = "platform", string version = "1.0.0", string? assemblyName = null)
    {
        Directory.CreateDirectory(directory);
        assemblyName ??= "TestPlugin." + id;
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var dll = Path.Combine(directory, assemblyName + ".dll");

        // Write to memory first: a half-written file would trigger a hot reload of garbage.
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("test plugin does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        File.WriteAllBytes(dll, image.ToArray());
        WriteManifest(directory, id, sdkRange, kind, version, assemblyName + ".dll");
        return dll;
    }

    /// <summary>Compiles an empty library with the given assembly name and version, as a plugin shipping its own copy of it would.</summary>
    public static void BuildLibrary(string directory, string assemblyName, Version version)
    {
        var source = $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]";
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(Path.Combine(directory, assemblyName + ".dll"));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
    }

    public static void WriteManifest(string directory, string id, string sdkRange, string kind, string version, string entryAssembly) =>
        File.WriteAllText(Path.Combine(directory, PluginManifest.FileName), JsonSerializer.Serialize(new { id, version, sdkRange, entryAssembly, kind }));

    /// <summary>Source of a minimal platform plugin whose display name and registration behaviour are chosen by the test.</summary>
    public static string PlatformSource(string id, string displayName, string register = "registrar.AddPlatform(new P(registrar));", string validate = "return [];") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using MarketingOps.Sdk;
        using Microsoft.Extensions.Configuration;
        public sealed class Entry : IPluginEntryPoint
        {
            public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings) { {{validate}} }
            public void Register(IPluginRegistrar registrar) { {{register}} }
        }
        public sealed class P : IPlatform
        {
            private readonly IPluginRegistrar _r;
            public P(IPluginRegistrar r) { _r = r; }
            public PlatformDescriptor Descriptor { get; } = new("{{id}}", "{{displayName}}", PlatformCapabilities.None, new PlatformLimits());
            public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 500, []);
            public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(PublishResult.Published(new PublishedPost("{{displayName}}:" + request.IdempotencyKey, null, _r.Clock.GetUtcNow())));
            public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => Task.FromResult(LookupResult.NotFound);
            public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
                Task.FromResult<IReadOnlyList<PostMetrics>>([]);
            public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);
        }
        """;
}
