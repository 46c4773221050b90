namespace MarketingOps.Host.Web.Contracts;

/// <summary>Signs a user in with their name and password.</summary>
internal sealed record LoginRequest(string Name, string Password);
