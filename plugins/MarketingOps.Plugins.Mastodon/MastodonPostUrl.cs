using System.Text.RegularExpressions;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Reads a status's address on the account's own instance: <c>https://instance/@user/ID</c> or <c>/users/user/statuses/ID</c>.</summary>
internal static partial class MastodonPostUrl
{
    /// <summary>The user and status id, or why the address is not a status of the account's instance.</summary>
    public static (string? User, string? Id, string? Problem) Read(MastodonAccount account, Uri url)
    {
        if (!string.Equals(url.Authority, account.InstanceUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, $"account '{account.Name}' is on {account.InstanceUrl.Authority}, and this address is on {url.Authority}; give the status's address on {account.InstanceUrl.Authority}");
        }

        var path = StatusPath().Match(url.AbsolutePath);
        if (!path.Success)
        {
            return (null, null, $"'{url.AbsolutePath}' is not the path of a status (/@user/ followed by the status id)");
        }

        var user = Uri.UnescapeDataString(path.Groups["user"].Value);
        return user.Contains('@', StringComparison.Ordinal)
            ? (null, null, $"it is a status of {user} seen from this instance, not one of account '{account.Name}'")
            : (user, path.Groups["id"].Value, null);
    }

    [GeneratedRegex("^/(?:@(?<user>[^/]+)|users/(?<user>[^/]+)/statuses)/(?<id>[A-Za-z0-9]{1,40})/?$")]
    private static partial Regex StatusPath();
}
