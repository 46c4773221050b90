using System.Globalization;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Plugins.X;

/// <summary>The X plugin's settings from <c>plugins.json</c>.</summary>
internal sealed class XSettings
{
    /// <summary>Base URL of X API v2. The default value is https://api.x.com/.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.x.com/");

    /// <summary>Where OAuth 2.0 refresh tokens are exchanged. The default value is https://api.x.com/2/oauth2/token.</summary>
    public Uri OAuth2TokenUrl { get; init; } = new("https://api.x.com/2/oauth2/token");

    /// <summary>How long one HTTP attempt may take. The default value is 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a GET after a network error or 5xx. The default value is 2.</summary>
    public int ReadRetries { get; init; } = 2;

    public static (XSettings Settings, IReadOnlyList<SettingsProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingsProblem>();
        var defaults = new XSettings();
        var baseUrl = defaults.ApiBaseUrl;
        if (configuration["apiBaseUrl"] is { Length: > 0 } url
            && (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out baseUrl!) || baseUrl.Scheme is not ("http" or "https")))
        {
            problems.Add(new SettingsProblem("apiBaseUrl", $"'{url}' is not an absolute http(s) URL."));
            baseUrl = defaults.ApiBaseUrl;
        }

        var tokenUrl = defaults.OAuth2TokenUrl;
        if (configuration["oauth2TokenUrl"] is { Length: > 0 } token
            && (!Uri.TryCreate(token, UriKind.Absolute, out tokenUrl!) || tokenUrl.Scheme is not ("http" or "https")))
        {
            problems.Add(new SettingsProblem("oauth2TokenUrl", $"'{token}' is not an absolute http(s) URL."));
            tokenUrl = defaults.OAuth2TokenUrl;
        }

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

        var retries = defaults.ReadRetries;
        if (configuration["readRetries"] is { Length: > 0 } r && (!int.TryParse(r, CultureInfo.InvariantCulture, out retries) || retries is < 0 or > 5))
        {
            problems.Add(new SettingsProblem("readRetries", $"'{r}' must be a whole number from 0 to 5."));
            retries = defaults.ReadRetries;
        }

        return (new XSettings { ApiBaseUrl = baseUrl, OAuth2TokenUrl = tokenUrl, RequestTimeout = timeout, ReadRetries = retries }, problems);
    }
}
