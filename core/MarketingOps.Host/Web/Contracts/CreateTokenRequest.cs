namespace MarketingOps.Host.Web.Contracts;

/// <summary>Creates a personal API token; its value is returned once.</summary>
internal sealed record CreateTokenRequest(string Name, string Role, string? User = null, int? ExpiresInDays = null);
