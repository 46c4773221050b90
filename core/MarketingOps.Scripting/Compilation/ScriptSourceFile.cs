using Microsoft.CodeAnalysis.Text;

namespace MarketingOps.Scripting.Compilation;

/// <summary>One file of a script: the main file or one it <c>#load</c>s, read once so the cache key and the compiler see the same bytes.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Text">The text the compiler reads (empty for the editor stub).</param>
/// <param name="Hash">SHA-256 of the file's bytes.</param>
/// <param name="IsEditorStub">The stub <c>mops script init-editor</c> writes: it only feeds IntelliSense and is skipped at run time.</param>
internal sealed record ScriptSourceFile(string Path, SourceText Text, byte[] Hash, bool IsEditorStub);
