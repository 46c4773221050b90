namespace MarketingOps.Host.Web.Contracts;

/// <summary>The signed-in caller, and for a browser session the token to send in X-CSRF-TOKEN with every change.</summary>
internal sealed record SessionView(string Name, string Role, string? AntiforgeryToken);
