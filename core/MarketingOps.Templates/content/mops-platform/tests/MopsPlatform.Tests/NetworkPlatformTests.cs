using MarketingOps.Sdk;
using MarketingOps.Sdk.Testing;

namespace MopsPlatform.Tests;

/// <summary>The plugin's own rules, beside the kit's: add a test here for each rule of your network.</summary>
public sealed class NetworkPlatformTests
{
    [Fact]
    public void Validate_counts_an_emoji_as_one_character()
    {
        using var host = new ConformanceHost(new PlatformUnderTest(ConformanceTests.PluginFolder));

        var validation = host.Platform.Validate(new PostDraft("Launch day 🚀"));

        Assert.True(validation.IsValid, string.Join("; ", validation.Problems));
        Assert.Equal(12, validation.Length);
    }

    [Fact]
    public async Task An_account_without_a_token_is_unauthorized_and_the_message_says_which_secret_to_set()
    {
        using var host = new ConformanceHost(new PlatformUnderTest(ConformanceTests.PluginFolder));

        var result = await host.Platform.PublishAsync(new PublishRequest("conformance", new PostDraft("Hello"), "key-1", 1, host.Clock.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Contains("mops secrets set mops-plugin-id/conformance/token", result.Error!.Message, StringComparison.Ordinal);
    }
}
