namespace MarketingOps.Host.Dashboard;

/// <summary>The app-password sign-in's fields (Bluesky); the password is passed on once and never shown again.</summary>
internal sealed class ConnectForm
{
    public string? Handle { get; set; }

    public string? AppPassword { get; set; }
}
