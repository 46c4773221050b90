namespace MarketingOps.Host.Web.Contracts;

/// <summary>Sets a new password; with none one is generated and returned once.</summary>
internal sealed record ResetPasswordRequest(string? Password = null);
