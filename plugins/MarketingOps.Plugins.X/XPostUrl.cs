using System.Text.RegularExpressions;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

/// <summary>Reads a post's address on X (<c>https://x.com/handle/status/ID</c>, twitter.com too, or <c>/i/web/status/ID</c>).</summary>
internal static partial class XPostUrl
{
    private static readonly string[] Hosts = ["x.com", "twitter.com", "mobile.x.com", "mobile.twitter.com"];

    public static PostUrlMatch Match(XAccount account, Uri url)
    {
        var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
        if (!Hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return PostUrlMatch.Refused($"X posts are at https://x.com/handle/status/ID, not on {url.Host}");
        }

        var path = PostPath().Match(url.AbsolutePath);
        if (!path.Success)
        {
            return PostUrlMatch.Refused($"'{url.AbsolutePath}' is not the path of a post (/handle/status/ followed by the post's number)");
        }

        var handle = path.Groups["handle"].Value;
        if (handle is not ("i" or "i/web") && account.Handle is { Length: > 0 } own && !string.Equals(handle, own, StringComparison.OrdinalIgnoreCase))
        {
            return PostUrlMatch.Refused($"it is a post of @{handle}, and account '{account.Name}' is @{own}");
        }

        return PostUrlMatch.Found(path.Groups["id"].Value);
    }

    [GeneratedRegex("^/(?<handle>i/web|i|[A-Za-z0-9_]{1,50})/status(?:es)?/(?<id>[0-9]{1,20})(?:/.*)?$")]
    private static partial Regex PostPath();
}
