using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary>Prints diagnostics in the compiler's format on stderr, paths relative to the current folder when inside it.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<ScriptDiagnostic> diagnostics)
    {
        var here = Directory.GetCurrentDirectory();
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.RelativeTo(here));
        }
    }
}
