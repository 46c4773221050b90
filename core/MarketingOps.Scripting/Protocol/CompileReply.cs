using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Protocol;

/// <summary>What compiling produced: diagnostics and, without errors, the image for the host's cache.</summary>
internal sealed record CompileReply(IReadOnlyList<ScriptDiagnostic> Diagnostics, byte[]? Assembly, byte[]? Symbols);
