using MarketingOps.Plugins.Shared;
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
        var service = SettingsReader.ReadBaseUrl(configuration, "serviceUrl", defaults.ServiceUrl, problems);
        var appView = SettingsReader.ReadBaseUrl(configuration, "appViewUrl", defaults.AppViewUrl, problems);
        var timeout = SettingsReader.ReadSeconds(configuration, "requestTimeoutSeconds", defaults.RequestTimeout, problems);
        var retries = SettingsReader.ReadWholeNumber(configuration, "retries", defaults.Retries, 0, 5, problems);
        return (new BlueskySettings { ServiceUrl = service, AppViewUrl = appView, RequestTimeout = timeout, Retries = retries }, problems);
    }
}
