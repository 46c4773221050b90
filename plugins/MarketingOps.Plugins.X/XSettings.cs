using MarketingOps.Plugins.Shared;
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

    /// <summary>Where the user approves a connection (OAuth 2.0 authorization code with PKCE). The default value is https://x.com/i/oauth2/authorize.</summary>
    public Uri OAuth2AuthorizeUrl { get; init; } = new("https://x.com/i/oauth2/authorize");

    /// <summary>The OAuth 2.0 client id of the client's X app, for `mops accounts connect`. The default value is null (none).</summary>
    public string? OAuth2ClientId { get; init; }

    /// <summary>How long one HTTP attempt may take. The default value is 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a GET after a network error or 5xx. The default value is 2.</summary>
    public int ReadRetries { get; init; } = 2;

    public static (XSettings Settings, IReadOnlyList<SettingsProblem> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingsProblem>();
        var defaults = new XSettings();
        var baseUrl = SettingsReader.ReadBaseUrl(configuration, "apiBaseUrl", defaults.ApiBaseUrl, problems);
        var tokenUrl = SettingsReader.ReadEndpointUrl(configuration, "oauth2TokenUrl", defaults.OAuth2TokenUrl, problems);
        var authorizeUrl = SettingsReader.ReadEndpointUrl(configuration, "oauth2AuthorizeUrl", defaults.OAuth2AuthorizeUrl, problems);
        var clientId = configuration["oauth2ClientId"] is { Length: > 0 } id ? id : null;
        var timeout = SettingsReader.ReadSeconds(configuration, "requestTimeoutSeconds", defaults.RequestTimeout, problems);
        var retries = SettingsReader.ReadWholeNumber(configuration, "readRetries", defaults.ReadRetries, 0, 5, problems);
        return (new XSettings { ApiBaseUrl = baseUrl, OAuth2TokenUrl = tokenUrl, OAuth2AuthorizeUrl = authorizeUrl, OAuth2ClientId = clientId, RequestTimeout = timeout, ReadRetries = retries }, problems);
    }
}
