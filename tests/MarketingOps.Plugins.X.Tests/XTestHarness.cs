using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X.Tests;

/// <summary>Builds an X platform the way the host does (entry point settings, accounts, secrets) pointed at a test URL.</summary>
internal static class XTestHarness
{
    public const string Account = "acme";
    public const string UserId = "2244994945";

    public static Dictionary<string, string> OAuth1Secrets(string token = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb") => new()
    {
        [$"x/{Account}/consumer-key"] = "xvz1evFS4wEEPTGEFPHBog",
        [$"x/{Account}/consumer-secret"] = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        [$"x/{Account}/access-token"] = token,
        [$"x/{Account}/access-token-secret"] = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    };

    // Prism cannot check X's "OAuth" http scheme (it supports basic, bearer and digest), so requests through Prism
    // carry an OAuth 2.0 bearer token; OAuth 1.0a signing is checked against X's worked example and the fake directly.
    public static Dictionary<string, string> OAuth2Secrets(string token = "user-access-token") => new()
    {
        [$"x/{Account}/access-token"] = token,
        [$"x/{Account}/refresh-token"] = "refresh-token-1",
        [$"x/{Account}/client-id"] = "client-id-1",
    };

    public static XPlatform Create(
        Uri baseUrl,
        ViolationObserver? observer = null,
        IReadOnlyDictionary<string, string>? secrets = null,
        double timeoutSeconds = 10,
        Dictionary<string, string?>? extraSettings = null,
        Dictionary<string, string?>? accountSettings = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["apiBaseUrl"] = baseUrl.ToString(),
            ["requestTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["readRetries"] = "1",
        };
        foreach (var (key, value) in extraSettings ?? [])
        {
            settings[key] = value;
        }

        var account = accountSettings ?? new Dictionary<string, string?> { ["handle"] = "acme", ["userId"] = UserId, ["auth"] = secrets is null ? "oauth2" : null };
        var registrar = new TestRegistrar("x", settings, [(Account, account)], secrets ?? OAuth2Secrets(), loggerFactory, clock);
        var (parsed, problems) = XSettings.Read(registrar.Settings);
        Assert.Empty(problems);
        return new XPlatform(parsed, registrar.Accounts, registrar.Secrets, registrar.LoggerFactory, registrar.Clock, observer is null ? null : observer.CreateHandler);
    }

    public static PublishRequest Request(PostDraft draft, string key = "post-1") =>
        new(Account, draft, key, 1, DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
}
