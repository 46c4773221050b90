using MarketingOps.Core.Experiments;
using MarketingOps.Sdk;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class DirectPublisherTests
{
    [Fact]
    public async Task Due_posts_go_out_through_the_sandbox_and_later_ones_wait()
    {
        Assert.SkipWhen(SandboxNetwork.PluginDirectory is null, "the sandbox plugin is not built");
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(SandboxExperiment.Start);
        using var network = new SandboxNetwork(clock, "{}");
        var publisher = new DirectPublisher(network.Registry, clock);
        var now = await publisher.ScheduleAsync(new ExperimentPostRequest("e", "a", SandboxNetwork.Account, "now", SandboxExperiment.Start), ct);
        var later = await publisher.ScheduleAsync(new ExperimentPostRequest("e", "b", SandboxNetwork.Account, "later", SandboxExperiment.Start.AddHours(2)), ct);
        var refused = await publisher.ScheduleAsync(new ExperimentPostRequest("e", "c", SandboxNetwork.Account, new string('x', 400), SandboxExperiment.Start), ct);

        Assert.Equal(1, await publisher.PublishDueAsync(ct));
        var statuses = await publisher.GetStatusAsync([now.PostId!, later.PostId!], ct);

        Assert.Equal(PublicationState.Published, statuses[0].State);
        Assert.NotNull(statuses[0].PlatformPostId);
        Assert.Equal(PublicationState.Pending, statuses[1].State);
        Assert.Contains("at most 300", refused.Problem, StringComparison.Ordinal);
        var metrics = await network.Platform.GetMetricsAsync(SandboxNetwork.Account, [statuses[0].PlatformPostId!], ct);
        Assert.Equal(MetricsStatus.Available, metrics[0].Status);
    }
}
