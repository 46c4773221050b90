using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>The Mastodon plugin's settings from <c>plugins.json</c>; each account names its own instance.</summary>
internal sealed class MastodonSettings
{
    /// <summary>How long one HTTP attempt may take. The default value is 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a network error or 5xx (publishes carry an Idempotency-Key). The default value is 2.</summary>
    public int Retries { get; init; } = 2;

    public static (MastodonSettings Settings, IReadOnlyList<SettingsProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingsProblem>();
        var defaults = new MastodonSettings();
        var timeout = defaults.RequestTimeout;
        if (configuration["requestTimeoutSeconds"] is { Length: > 0 } seconds)
        {
            if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0)
            {
                timeout = TimeSpan.FromSeconds(s);
            }
            else
            {
                problems.Add(new SettingsProblem("requestTimeoutSeconds", $"'{seconds}' is not a positive number of seconds."));
            }
        }

        var retries = defaults.Retries;
        if (configuration["retries"] is { Length: > 0 } r && (!int.TryParse(r, CultureInfo.InvariantCulture, out retries) || retries is < 0 or > 5))
        {
            problems.Add(new SettingsProblem("retries", $"'{r}' must be a whole number from 0 to 5."));
            retries = defaults.Retries;
        }

        return (new MastodonSettings { RequestTimeout = timeout, Retries = retries }, problems);
    }

    /// <summary>Checks one account's settings: <c>instanceUrl</c> must be an absolute http(s) URL.</summary>
    public static IEnumerable<SettingsProblem> ValidateAccount(string key, IConfiguration account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account["instanceUrl"] is not { Length: > 0 } url)
        {
            yield return new SettingsProblem($"{key}:instanceUrl", "Each Mastodon account needs its instance's URL, such as https://mastodon.social.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            yield return new SettingsProblem($"{key}:instanceUrl", $"'{url}' is not an absolute http(s) URL.");
        }
    }
}
