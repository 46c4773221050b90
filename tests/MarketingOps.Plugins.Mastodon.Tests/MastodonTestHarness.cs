using System.Globalization;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>Builds a Mastodon platform the way the host does, with one account on a test instance.</summary>
internal static class MastodonTestHarness
{
    public const string Account = "brand";
    public const string Token = "instance-access-token";

    public static MastodonPlatform Create(
        Uri instance,
        ViolationObserver? observer = null,
        double timeoutSeconds = 10,
        IReadOnlyDictionary<string, string>? secrets = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null)
    {
        var registrar = new TestRegistrar(
            "mastodon",
            new Dictionary<string, string?> { ["requestTimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture), ["retries"] = "1" },
            [(Account, new Dictionary<string, string?> { ["instanceUrl"] = instance.ToString() })],
            secrets ?? new Dictionary<string, string> { [$"mastodon/{Account}/access-token"] = Token },
            loggerFactory,
            clock);
        var (parsed, problems) = MastodonSettings.Read(registrar.Settings);
        Assert.Empty(problems);
        return new MastodonPlatform(parsed, registrar.Accounts, registrar.Secrets, registrar.LoggerFactory, registrar.Clock, observer is null ? null : observer.CreateHandler);
    }

    public static PublishRequest Request(PostDraft draft, string key = "mops-post-1") =>
        new(Account, draft, key, 1, DateTimeOffset.Parse("2026-11-26T08:00:00Z", CultureInfo.InvariantCulture));
}
