using System.Text.RegularExpressions;
using MarketingOps.Plugins.Sandbox.Settings;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>Reads a sandbox post's address, <c>https://sandbox.invalid/@handle/id</c>, as the network writes it.</summary>
internal static partial class SandboxPostUrl
{
    public const string Host = "sandbox.invalid";

    public static PostUrlMatch Match(SandboxAccount account, Uri url)
    {
        if (!string.Equals(url.Host, Host, StringComparison.OrdinalIgnoreCase))
        {
            return PostUrlMatch.Refused($"sandbox posts are at https://{Host}/@handle/id, not on {url.Host}");
        }

        var path = PostPath().Match(url.AbsolutePath);
        if (!path.Success)
        {
            return PostUrlMatch.Refused($"'{url.AbsolutePath}' is not the path of a post (/@handle/ followed by 16 hex digits)");
        }

        var handle = Uri.UnescapeDataString(path.Groups["handle"].Value);
        return string.Equals(handle, account.Handle, StringComparison.OrdinalIgnoreCase)
            ? PostUrlMatch.Found(path.Groups["id"].Value.ToLowerInvariant())
            : PostUrlMatch.Refused($"it is a post of @{handle}, and account '{account.Name}' is @{account.Handle}");
    }

    [GeneratedRegex("^/@(?<handle>[^/]+)/(?<id>[0-9a-fA-F]{16})/?$")]
    private static partial Regex PostPath();
}
