namespace MarketingOps.Host.Web.Contracts;

/// <summary>Adds a user; with no password one is generated and returned once.</summary>
internal sealed record AddUserRequest(string Name, string Role, string? Password = null);
