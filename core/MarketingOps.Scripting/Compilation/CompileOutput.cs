namespace MarketingOps.Scripting.Compilation;

/// <summary>What compiling a script produced: diagnostics (errors and warnings) and, without errors, the image to run.</summary>
internal sealed record CompileOutput(IReadOnlyList<ScriptDiagnostic> Diagnostics, ScriptImage? Image)
{
    public bool Succeeded => Image is not null;
}
