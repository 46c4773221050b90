using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary>A diagnostic in <c>--json</c> output; the file as the text output shows it (relative to the current folder when inside it).</summary>
/// <param name="File">The file the problem is in: the script or a file it loads.</param>
/// <param name="Line">1-based; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based; 0 when only the line is known.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Id">The compiler's id (CS0103) or ours (MOPS001); docs/scripting.md lists ours.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
internal sealed record ScriptDiagnosticJson(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public static IReadOnlyList<ScriptDiagnosticJson> From(IEnumerable<ScriptDiagnostic> diagnostics)
    {
        var here = Directory.GetCurrentDirectory();
        return diagnostics
            .Select(d => d.RelativeTo(here))
            .Select(d => new ScriptDiagnosticJson(d.File, d.Line, d.Column, d.IsError ? "error" : "warning", d.Id, d.Message))
            .ToList();
    }
}
