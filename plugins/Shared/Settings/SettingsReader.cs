using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.Shared;

/// <summary>Reads one plugin setting each; a bad value adds a problem naming its key and falls back to the default,
/// so that validation lists every problem at once.</summary>
internal static class SettingsReader
{
    /// <summary>A positive number of seconds.</summary>
    public static TimeSpan ReadSeconds(IConfiguration configuration, string key, TimeSpan fallback, List<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        if (configuration[key] is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add(new SettingsProblem(key, $"'{value}' is not a positive number of seconds."));
        return fallback;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int ReadWholeNumber(IConfiguration configuration, string key, int fallback, int min, int max, List<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        if (configuration[key] is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (int.TryParse(value, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add(new SettingsProblem(key, $"'{value}' must be a whole number from {min} to {max}."));
        return fallback;
    }

    /// <summary>An absolute http(s) URL used as a base for relative paths, so it always ends with '/'.</summary>
    public static Uri ReadBaseUrl(IConfiguration configuration, string key, Uri fallback, List<SettingsProblem> problems) =>
        ReadUrl(configuration, key, fallback, problems, asBase: true);

    /// <summary>An absolute http(s) URL used as it is (an endpoint, not a base).</summary>
    public static Uri ReadEndpointUrl(IConfiguration configuration, string key, Uri fallback, List<SettingsProblem> problems) =>
        ReadUrl(configuration, key, fallback, problems, asBase: false);

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool TryParseHttpUrl(string value, out Uri url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    private static Uri ReadUrl(IConfiguration configuration, string key, Uri fallback, List<SettingsProblem> problems, bool asBase)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        if (configuration[key] is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (TryParseHttpUrl(asBase ? value.TrimEnd('/') + "/" : value, out var url))
        {
            return url;
        }

        problems.Add(new SettingsProblem(key, $"'{value}' is not an absolute http(s) URL."));
        return fallback;
    }
}
