using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Protocol;

/// <summary>What compiling produced: diagnostics and, without errors, the image for the host's cache.</summary>
internal sealed record CompileReply(IReadOnlyList<ScriptDiagnostic> Diagnostics, byte[]? Assembly, byte[]? Symbols)
{
    /// <summary>The compiler ran out of the worker's memory: the script is too large to compile, and the worker is spent.</summary>
    public bool OutOfMemory { get; init; }
}
