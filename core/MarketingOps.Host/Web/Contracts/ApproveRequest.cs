namespace MarketingOps.Host.Web.Contracts;

/// <summary>Approves an inbox item, with edited text when given.</summary>
internal sealed record ApproveRequest(string? Edit = null);
