namespace MarketingOps.Core.Links;

/// <summary>The client's list of links left as written: hosts (with their subdomains) and link prefixes.</summary>
internal static class LinkExclusion
{
    /// <summary>Why <paramref name="entry"/> cannot be used; null when it can.</summary>
    public static string? Problem(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return "must not be blank.";
        }

        if (entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(entry, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? null
                : $"'{entry}' is neither a host (shop.example) nor an http(s) link prefix (https://shop.example/checkout).";
        }

        return Uri.CheckHostName(entry) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? null
            : $"'{entry}' is neither a host (shop.example) nor an http(s) link prefix (https://shop.example/checkout).";
    }

    /// <summary>Whether one of <paramref name="entries"/> covers <paramref name="link"/> (as written: <paramref name="text"/>).</summary>
    public static bool Excludes(IReadOnlyList<string> entries, Uri link, string text)
    {
        foreach (var entry in entries)
        {
            if (entry.Contains("://", StringComparison.Ordinal))
            {
                if (text.StartsWith(entry, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(link.IdnHost, entry, StringComparison.OrdinalIgnoreCase)
                || link.IdnHost.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase)
                || string.Equals(link.Host, entry, StringComparison.OrdinalIgnoreCase)
                || link.Host.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
