namespace MarketingOps.Host.Web.Contracts;

/// <summary>Rejects an inbox item; the reason is recorded.</summary>
internal sealed record RejectRequest(string Reason);
