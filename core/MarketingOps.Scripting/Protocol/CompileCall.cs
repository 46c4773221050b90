using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Protocol;

/// <summary>Compile these sources under this cache key; the worker keeps the image for a run that follows.</summary>
/// <param name="Key">The cache key the host computed over the same bytes.</param>
/// <param name="Files">The main file first, then every file it loads.</param>
/// <param name="Diagnostics">Problems the host found while reading (refused directives).</param>
/// <param name="RefusedDirectives">Where those directives are.</param>
internal sealed record CompileCall(string Key, IReadOnlyList<SourceFileMessage> Files, IReadOnlyList<ScriptDiagnostic> Diagnostics, IReadOnlyList<RefusedDirectiveMessage> RefusedDirectives);
