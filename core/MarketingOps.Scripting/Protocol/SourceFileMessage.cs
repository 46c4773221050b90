namespace MarketingOps.Scripting.Protocol;

/// <summary>One file of a script as the host read it: the worker never reads the client's files itself.</summary>
/// <param name="Path">Full path, for diagnostics and <c>#load</c>.</param>
/// <param name="Text">The file's text (empty for the editor stub).</param>
/// <param name="IsEditorStub">The stub <c>mops script init-editor</c> writes.</param>
internal sealed record SourceFileMessage(string Path, string Text, bool IsEditorStub);
