namespace MarketingOps.Core.Posts;

/// <summary>One part of a thread file (<see cref="ThreadText"/>).</summary>
/// <param name="Text">The part as written.</param>
/// <param name="Line">Its first line, from 1; for a part with no lines, the line of the <c>---</c> after it, or before it at the end of the file.</param>
/// <param name="HasLines">False when two separators meet, or one starts or ends the file.</param>
public sealed record ThreadFilePart(string Text, int Line, bool HasLines);
