using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>The Bluesky plugin's settings from <c>plugins.json</c>.</summary>
internal sealed class BlueskySettings
{
    /// <summary>The PDS accounts log in to (an account's own <c>serviceUrl</c> wins). The default value is https://bsky.social/.</summary>
    public Uri ServiceUrl { get; init; } = new("https://bsky.social/");

    /// <summary>The app view that answers app.bsky.feed.getPosts for metrics. The default value is https://public.api.bsky.app/.</summary>
    public Uri AppViewUrl { get; init; } = new("https://public.api.bsky.app/");

    /// <summary>How long one HTTP attempt may take. The default value is 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a network error or a 502/503/504 (every call is idempotent). The default value is 2.</summary>
    public int Retries { get; init; } = 2;

    public static (BlueskySettings Settings, IReadOnlyList<SettingsProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingsProblem>();
        var defaults = new BlueskySettings();
        var service = ReadUrl(configuration, "serviceUrl", defaults.ServiceUrl, problems);
        var appView = ReadUrl(configuration, "appViewUrl", defaults.AppViewUrl, problems);
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

        return (new BlueskySettings { ServiceUrl = service, AppViewUrl = appView, RequestTimeout = timeout, Retries = retries }, problems);
    }

    internal static Uri ReadUrl(IConfiguration configuration, string key, Uri fallback, List<SettingsProblem> problems)
    {
        if (configuration[key] is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add(new SettingsProblem(key, $"'{value}' is not an absolute http(s) URL."));
        return fallback;
    }
}
