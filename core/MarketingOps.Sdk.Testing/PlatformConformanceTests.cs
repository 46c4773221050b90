namespace MarketingOps.Sdk.Testing;

/// <summary>
/// Derive a test class from this and return your plugin from <see cref="CreatePlatformUnderTest"/>: xUnit runs every
/// check of the kit against it, loaded through the host's real loader from its build output.
/// </summary>
public abstract class PlatformConformanceTests
{
    private PlatformConformance Kit => new(CreatePlatformUnderTest());

    /// <summary>The plugin under test and the network it talks to.</summary>
    protected abstract PlatformUnderTest CreatePlatformUnderTest();

    [Xunit.Fact]
    public void Descriptor_and_limits_are_sane() => Kit.DescriptorIsSane();

    [Xunit.Fact]
    public Task Validate_agrees_with_what_PublishAsync_rejects() => Kit.ValidateAgreesWithPublish(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task The_same_idempotency_key_never_creates_two_posts() => Kit.SameKeyNeverCreatesTwoPosts(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task Thread_parts_are_published_under_their_own_keys() => Kit.ThreadPartsArePublishedUnderTheirOwnKeys(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task An_ambiguous_failure_is_reported_as_ambiguous() => Kit.AmbiguousFailuresAreAmbiguous(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task The_host_pipeline_publishes_through_the_plugin() => Kit.PublishesThroughTheHostPipeline(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task Cancellation_is_honoured() => Kit.CancellationIsHonoured(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task Metrics_batches_respect_the_declared_batch_size() => Kit.MetricsBatchesRespectTheDeclaredSize(Xunit.TestContext.Current.CancellationToken);

    [Xunit.Fact]
    public Task A_canary_secret_appears_in_no_log_line_exception_or_result() => Kit.SecretsNeverLeak(Xunit.TestContext.Current.CancellationToken);
}
