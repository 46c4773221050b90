using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using MarketingOps.Scripting.Policy;

namespace MarketingOps.Scripting.Compilation;

/// <summary>
/// Compiles a script in two passes: the marketer's own source is compiled for diagnostics and checked by the policy
/// (so every line and column is theirs); only a clean script is instrumented with budget checks and emitted.
/// </summary>
internal static class ScriptCompiler
{
    public static CompileOutput Compile(ScriptSources sources, string assemblyName, CancellationToken cancellationToken)
    {
        var environment = ScriptEnvironment.Default;
        var diagnostics = new List<ScriptDiagnostic>(sources.Diagnostics);
        var compilation = environment.CreateCompilation(assemblyName, sources.MainTree, new ScriptSourceResolver(sources));

        diagnostics.AddRange(compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !IsAboutRefusedDirective(d, sources))
            .Select(ScriptDiagnostic.From));
        diagnostics.AddRange(PolicyChecker.Check(compilation, cancellationToken));
        if (diagnostics.Any(d => d.IsError))
        {
            return new CompileOutput(Sorted(diagnostics, sources), Image: null);
        }

        var replacements = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var instrumentedMain = sources.MainTree;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var fileIndex = sources.Files.Select(f => f.Path).ToList().IndexOf(tree.FilePath);
            var instrumented = BudgetInjector.Instrument(tree, compilation.GetSemanticModel(tree), Math.Max(0, fileIndex));
            if (tree == sources.MainTree)
            {
                instrumentedMain = instrumented;
            }
            else
            {
                replacements[tree.FilePath] = instrumented.GetText(cancellationToken);
            }
        }

        var emitting = environment.CreateCompilation(assemblyName, instrumentedMain, new ScriptSourceResolver(sources, replacements));
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = emitting.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancellationToken);
        if (!result.Success)
        {
            diagnostics.AddRange(result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => ScriptDiagnostic.From(d) with
                {
                    Id = ScriptDiagnosticIds.Internal,
                    Message = $"the host could not instrument this script ({d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); please report it with the script",
                }));
            return new CompileOutput(Sorted(diagnostics, sources), Image: null);
        }

        return new CompileOutput(Sorted(diagnostics, sources), new ScriptImage(assembly.ToArray(), symbols.ToArray()));
    }

    private static bool IsAboutRefusedDirective(Diagnostic diagnostic, ScriptSources sources)
        => diagnostic.Location.SourceTree is { } tree
            && sources.RefusedDirectives.Any(r => r.Path == tree.FilePath && r.Span.IntersectsWith(diagnostic.Location.SourceSpan));

    /// <summary>
    /// <see cref="ScriptSources"/> lets only <c>.csx</c> files reach the compiler; should another ever get through, its
    /// errors (CS0103 names each word it read) must not quote it.
    /// </summary>
    private static ScriptDiagnostic Withheld(ScriptDiagnostic diagnostic)
        => diagnostic.File.Length == 0 || ScriptFileRule.IsScriptFile(diagnostic.File)
            ? diagnostic
            : diagnostic with { Message = "the message is withheld: this file is not a .csx script, and the message could quote its text" };

    private static List<ScriptDiagnostic> Sorted(IEnumerable<ScriptDiagnostic> diagnostics, ScriptSources sources)
    {
        var order = sources.Files.Select((f, i) => (f.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        return diagnostics
            .Select(Withheld)
            .Distinct()
            .OrderBy(d => order.GetValueOrDefault(d.File, int.MaxValue))
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
    }
}
