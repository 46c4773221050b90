namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>Proof that the kit can fail: each deliberately broken plugin is caught, with a message that says what to fix.</summary>
public sealed class BrokenPluginTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_plugin_that_logs_its_token_is_caught()
    {
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => Kit("DEFECT_LOGS_TOKEN").SecretsNeverLeak(TestContext.Current.CancellationToken));

        Report(failure);
        Assert.Contains("The secret reference/conformance/token appeared in", failure.Message, StringComparison.Ordinal);
        Assert.Contains("with token <reference/conformance/token>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Never log a credential", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferencePluginBuilder.Secret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_ignores_the_idempotency_key_is_caught()
    {
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => Kit("DEFECT_IGNORES_IDEMPOTENCY_KEY").SameKeyNeverCreatesTwoPosts(TestContext.Current.CancellationToken));

        Report(failure);
        Assert.Contains("Two publishes with the same IdempotencyKey created two posts (1, then 2)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("pass PublishRequest.IdempotencyKey to the platform", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_reports_a_timeout_as_a_plain_failure_is_caught()
    {
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => Kit("DEFECT_TIMEOUT_AS_FAILURE").AmbiguousFailuresAreAmbiguous(TestContext.Current.CancellationToken));

        Report(failure);
        Assert.Contains("PublishAsync answered Rejected (\"The network did not answer in time.\")", failure.Message, StringComparison.Ordinal);
        Assert.Contains("return PlatformErrorKind.Ambiguous", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_ignores_the_batch_size_is_caught()
    {
        var failure = await Assert.ThrowsAsync<ConformanceException>(() => Kit("DEFECT_IGNORES_BATCH_SIZE").MetricsBatchesRespectTheDeclaredSize(TestContext.Current.CancellationToken));

        Report(failure);
        Assert.Contains("GetMetricsAsync does not serve a batch of Limits.MetricsBatchSize (100) posts", failure.Message, StringComparison.Ordinal);
        Assert.Contains("declare the largest batch your API answers in one call", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEFECT_LOGS_TOKEN")]
    [InlineData("DEFECT_IGNORES_IDEMPOTENCY_KEY")]
    [InlineData("DEFECT_TIMEOUT_AS_FAILURE")]
    [InlineData("DEFECT_IGNORES_BATCH_SIZE")]
    public async Task Each_broken_plugin_still_loads_and_publishes_so_only_its_defect_is_caught(string defect)
    {
        await Kit(defect).PublishesThroughTheHostPipeline(TestContext.Current.CancellationToken);
        Kit(defect).DescriptorIsSane();
    }

    private static PlatformConformance Kit(string defect) => new(ReferencePluginBuilder.UnderTest(defect));

    private void Report(ConformanceException failure) => output.WriteLine(failure.Message);
}
