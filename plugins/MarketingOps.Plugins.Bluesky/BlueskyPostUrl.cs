using System.Text.RegularExpressions;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Reads a post's address on bsky.app (<c>https://bsky.app/profile/HANDLE-OR-DID/post/RKEY</c>) as its at:// URI.</summary>
internal static partial class BlueskyPostUrl
{
    /// <summary>The actor (handle or DID) and record key, or why the address is not a post.</summary>
    public static (string? Actor, string? RecordKey, string? Problem) Read(Uri url)
    {
        if (!string.Equals(url.Host, "bsky.app", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, $"Bluesky posts are at https://bsky.app/profile/handle/post/key, not on {url.Host}");
        }

        var path = PostPath().Match(url.AbsolutePath);
        return path.Success
            ? (Uri.UnescapeDataString(path.Groups["actor"].Value), path.Groups["rkey"].Value, null)
            : (null, null, $"'{url.AbsolutePath}' is not the path of a post (/profile/handle/post/ followed by the record key)");
    }

    [GeneratedRegex("^/profile/(?<actor>[^/]+)/post/(?<rkey>[A-Za-z0-9._~:-]{1,512})/?$")]
    private static partial Regex PostPath();
}
