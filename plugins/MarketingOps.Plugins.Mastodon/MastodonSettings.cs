using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>The Mastodon plugin's settings from <c>plugins.json</c>; each account names its own instance.</summary>
internal sealed class MastodonSettings
{
    /// <summary>The app's name on each instance (shown to the user when they authorize). The default value is MarketingOps.</summary>
    public string ClientName { get; init; } = "MarketingOps";

    /// <summary>How long one HTTP attempt may take. The default value is 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a network error or 5xx (publishes carry an Idempotency-Key). The default value is 2.</summary>
    public int Retries { get; init; } = 2;

    public static (MastodonSettings Settings, IReadOnlyList<SettingsProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingsProblem>();
        var defaults = new MastodonSettings();
        var timeout = SettingsReader.ReadSeconds(configuration, "requestTimeoutSeconds", defaults.RequestTimeout, problems);
        var retries = SettingsReader.ReadWholeNumber(configuration, "retries", defaults.Retries, 0, 5, problems);
        var clientName = configuration["clientName"] is { Length: > 0 } name ? name : defaults.ClientName;
        return (new MastodonSettings { ClientName = clientName, RequestTimeout = timeout, Retries = retries }, problems);
    }

    /// <summary>Checks one account's settings: <c>instanceUrl</c> must be an absolute http(s) URL.</summary>
    public static IEnumerable<SettingsProblem> ValidateAccount(string key, IConfiguration account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account["instanceUrl"] is not { Length: > 0 } url)
        {
            yield return new SettingsProblem($"{key}:instanceUrl", "Each Mastodon account needs its instance's URL, such as https://mastodon.social.");
        }
        else if (!SettingsReader.TryParseHttpUrl(url, out _))
        {
            yield return new SettingsProblem($"{key}:instanceUrl", $"'{url}' is not an absolute http(s) URL.");
        }
    }
}
