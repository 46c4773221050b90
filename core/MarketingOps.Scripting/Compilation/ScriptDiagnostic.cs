using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MarketingOps.Scripting.Compilation;

/// <summary>A problem in a script, printed the way compilers print them: <c>FILE(LINE,COL): error ID: message</c>.</summary>
/// <param name="File">The script file's full path.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column; 0 when only the line is known.</param>
/// <param name="IsError">Errors stop the run; warnings do not.</param>
/// <param name="Id">The compiler's id (CS0103) or ours (MOPS001).</param>
/// <param name="Message">What is wrong, in one sentence.</param>
internal sealed record ScriptDiagnostic(string File, int Line, int Column, bool IsError, string Id, string Message)
{
    public override string ToString()
    {
        var where = (Line, Column) switch
        {
            (0, _) => File,
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{File}({Line})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})"),
        };
        return $"{where}: {(IsError ? "error" : "warning")} {Id}: {Message}";
    }

    /// <summary>The same diagnostic with its path shown relative to <paramref name="directory"/> when the file is inside it.</summary>
    public ScriptDiagnostic RelativeTo(string directory)
    {
        var relative = Path.GetRelativePath(directory, File);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? this : this with { File = relative };
    }

    public static ScriptDiagnostic At(Location location, bool isError, string id, string message)
    {
        var span = location.GetLineSpan();
        return new ScriptDiagnostic(
            span.Path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            isError,
            id,
            message);
    }

    public static ScriptDiagnostic From(Diagnostic diagnostic)
        => At(diagnostic.Location, diagnostic.Severity == DiagnosticSeverity.Error, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture));
}
