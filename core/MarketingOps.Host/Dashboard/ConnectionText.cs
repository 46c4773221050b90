using MarketingOps.Core.Accounts.Connecting;

namespace MarketingOps.Host.Dashboard;

/// <summary>An account's connection in a few words, as the accounts and connect pages show it.</summary>
internal static class ConnectionText
{
    /// <summary>Whether the account has credentials stored (checked or not), so connecting again replaces them.</summary>
    public static bool HasCredentials(AccountConnectionStatus status) => status?.State is "connected" or "unverified" or "expired";

    public static string Of(AccountConnectionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return (status.State, status.Handle) switch
        {
            ("connected", { } handle) => "connected as " + handle,
            ("unverified", { } handle) => $"credentials stored for {handle}, not checked",
            _ => status.State.Replace('-', ' '),
        };
    }
}
