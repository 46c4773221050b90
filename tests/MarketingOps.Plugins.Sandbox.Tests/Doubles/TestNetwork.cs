using System.Text;
using MarketingOps.Plugins.Sandbox.Network;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Plugins.Sandbox.Tests.Doubles;

/// <summary>Builds sandbox networks through the real entry point, from settings written as in plugins.json.</summary>
internal static class TestNetwork
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    public static IConfiguration Config(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public static SandboxPlatform Create(TimeProvider clock, string settingsJson = "{}", params (string Name, long Followers)[] accounts)
    {
        var pluginAccounts = accounts
            .Select(a => new PluginAccount(a.Name, "Europe/Paris", Config($$"""{ "followers": {{a.Followers}} }""")))
            .ToList();
        var registrar = new TestRegistrar(Config(settingsJson), pluginAccounts, clock);
        new SandboxEntryPoint().Register(registrar);
        return (SandboxPlatform)Assert.Single(registrar.Platforms);
    }

    public static PublishRequest Request(string account, string text, string? key = null, int attempt = 1) =>
        new(account, new PostDraft(text), key ?? $"{account}:{text}", attempt, Start);

    public static async Task<PublishedPost> PublishAsync(IPlatform platform, string account, string text, string? key = null)
    {
        var result = await platform.PublishAsync(Request(account, text, key), TestContext.Current.CancellationToken);
        Assert.Null(result.Error);
        return result.Post!;
    }

    public static async Task<PostMetrics> MetricsAsync(IPlatform platform, string account, string postId) =>
        Assert.Single(await platform.GetMetricsAsync(account, [postId], TestContext.Current.CancellationToken));
}
