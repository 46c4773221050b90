namespace MarketingOps.Scripting.Compilation;

/// <summary>A compiled, instrumented script: the assembly and its portable PDB (for the script's line numbers in errors).</summary>
internal sealed record ScriptImage(byte[] Assembly, byte[] Symbols);
