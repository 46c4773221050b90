using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.InMemory;

public sealed class DryRunTests
{
    [Fact]
    public void Writes_are_recorded_and_printed_while_reads_see_the_real_posts_too()
    {
        var host = new TestHost();
        var ct = TestContext.Current.CancellationToken;
        var real = host.Host.Posts.Schedule(new ScriptPostRequest("brand", "already there", TestHost.Start.AddHours(5)), ct);
        var (services, recorder) = DryRunScriptServices.Wrap(host.Host.Services);

        var recorded = services.Posts.Schedule(new ScriptPostRequest("brand", "would be new", TestHost.Start.AddHours(6)), ct);
        var cancelledReal = services.Posts.Cancel(real.Id, ct);

        Assert.StartsWith("dry-run-", recorded.Id, StringComparison.Ordinal);
        Assert.Equal(["already there", "would be new"], services.Posts.List(new ScriptPostQuery(), ct).Select(p => p.Text));
        Assert.True(cancelledReal);
        Assert.Equal(ScriptPostState.Scheduled, host.Host.Posts.Find(real.Id, ct)!.State);
        Assert.Single(host.Host.Posts.List(new ScriptPostQuery(), ct));
        Assert.Equal(["would schedule on brand at 2026-03-02 14:00Z: would be new", $"would cancel {real.Id} on brand: already there"], recorder.Actions);
        Assert.Contains("[dry run] would cancel", host.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_an_experiment_whose_name_is_taken_fails_as_it_would_for_real()
    {
        var host = new TestHost();
        var ct = TestContext.Current.CancellationToken;
        var plan = new ExperimentBuilder("taken", p => host.Host.Experiments.Start(p, ct))
            .Variant("A", "a").Variant("B", "b").On("brand").Metric(ExperimentMetric.EngagementRate).Start().Plan;
        var (services, _) = DryRunScriptServices.Wrap(host.Host.Services);

        Assert.Throws<ArgumentException>(() => services.Experiments.Start(plan, ct));
    }
}
