namespace MarketingOps.Host.Web.Contracts;

/// <summary>A user just added or reset; a generated password is shown this once.</summary>
internal sealed record UserCreated(Application.UserView User, string? GeneratedPassword);
