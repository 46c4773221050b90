namespace MarketingOps.Host.Dashboard;

/// <summary>Where to go after signing in: only a path on this host, never another site (an open redirect).</summary>
internal static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/calendar";
}
