namespace MarketingOps.Host.Web.Contracts;

/// <summary>Stops a running experiment; the reason is recorded with who stopped it.</summary>
internal sealed record StopRequest(string? Reason = null);
