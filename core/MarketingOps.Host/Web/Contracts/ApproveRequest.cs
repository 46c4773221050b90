namespace MarketingOps.Host.Web.Contracts;

/// <summary>
/// Approves an inbox item, with edited text when given; for a held thread, <c>part</c> names the part the edit replaces,
/// or <c>edits</c> gives several parts their new text at once (instead of <c>edit</c> and <c>part</c>).
/// </summary>
internal sealed record ApproveRequest(string? Edit = null, int? Part = null, IReadOnlyList<PartEditRequest>? Edits = null);
