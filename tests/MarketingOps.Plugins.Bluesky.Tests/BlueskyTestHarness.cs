using System.Globalization;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>Builds a Bluesky platform the way the host does, pointed at a test PDS and app view.</summary>
internal static class BlueskyTestHarness
{
    public const string Account = "brand";

    public static BlueskyPlatform Create(
        Uri serviceUrl,
        string handle,
        string password,
        ViolationObserver? observer = null,
        Uri? appView = null,
        double timeoutSeconds = 15,
        ILoggerFactory? loggerFactory = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["serviceUrl"] = serviceUrl.ToString(),
            ["appViewUrl"] = (appView ?? new Uri("http://127.0.0.1:9/")).ToString(),
            ["requestTimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["retries"] = "1",
        };
        var registrar = new TestRegistrar(
            "bluesky",
            settings,
            [(Account, new Dictionary<string, string?> { ["handle"] = handle })],
            new Dictionary<string, string> { [$"bluesky/{Account}/app-password"] = password },
            loggerFactory);
        var (parsed, problems) = BlueskySettings.Read(registrar.Settings);
        Assert.Empty(problems);
        return new BlueskyPlatform(parsed, registrar.Accounts, registrar.Secrets, registrar.LoggerFactory, registrar.Clock, observer is null ? null : observer.CreateHandler);
    }

    public static PublishRequest Request(PostDraft draft, string? key = null, int attempt = 1) =>
        new(Account, draft, key ?? Guid.NewGuid().ToString("N"), attempt, DateTimeOffset.Parse("2026-11-26T08:00:00Z", CultureInfo.InvariantCulture));
}
