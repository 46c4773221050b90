namespace MarketingOps.Host.Web.Contracts;

/// <summary>Approves an inbox item, with edited text when given; for a held thread, <c>part</c> names the part the edit replaces.</summary>
internal sealed record ApproveRequest(string? Edit = null, int? Part = null);
