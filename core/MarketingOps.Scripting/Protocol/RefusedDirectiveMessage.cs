namespace MarketingOps.Scripting.Protocol;

/// <summary>A <c>#r</c> or <c>#load</c> the host already refused; the compiler's own complaint about it is dropped.</summary>
internal sealed record RefusedDirectiveMessage(string Path, int Start, int Length);
