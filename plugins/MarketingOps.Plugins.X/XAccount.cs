using MarketingOps.Plugins.X.Auth;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

/// <summary>One configured X account: its name, handle, user id (read or resolved once) and credentials.</summary>
internal sealed class XAccount(PluginAccount account, XAccountAuth auth)
{
    public string Name { get; } = account.Name;

    public string? Handle { get; } = account.Settings["handle"]?.TrimStart('@');

    public string? UserId { get; set; } = account.Settings["userId"];

    /// <summary>The account's own OAuth 2.0 client id (setting <c>clientId</c>), when it uses another app than the plugin's.</summary>
    public string? ClientId { get; } = account.Settings["clientId"];

    public XAccountAuth Auth { get; } = auth;

    public Uri UrlOf(string postId) => Handle is { Length: > 0 }
        ? new Uri($"https://x.com/{Uri.EscapeDataString(Handle)}/status/{postId}")
        : new Uri($"https://x.com/i/web/status/{postId}");
}
