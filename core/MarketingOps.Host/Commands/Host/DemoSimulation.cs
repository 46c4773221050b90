using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Host;

/// <summary>
/// Accelerated time for the demo: moves the clock an hour at a time, stopping at each post's due time to publish it
/// through the publishing engine's executor (as the Quartz job does), and after every hour runs the experiments'
/// metrics job, whose look applies the decision rule. Runs until the experiment is finished and nothing is left to publish.
/// </summary>
internal sealed class DemoSimulation(
    DemoClock clock,
    DemoPublishScheduler triggers,
    PublishExecutor executor,
    ExperimentMetricsCollector collector,
    ExperimentService experiments)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Metrics collections (looks) so far.</summary>
    public int Collections { get; private set; }

    /// <summary>Runs until the experiment is finished and its winner (if scheduled) is out, or two days past its end.</summary>
    public async Task<Experiment> RunAsync(string experimentId, Action<Post> published, Action<Experiment> finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var experiment = await experiments.GetAsync(experimentId, cancellationToken);
        var limit = experiment.EndsAt + TimeSpan.FromDays(2);
        while (clock.GetUtcNow() < limit && !(experiment.IsFinished && triggers.NextDue is null))
        {
            await StepAsync(Hour, published, cancellationToken);
            var looked = await experiments.GetAsync(experiment.Id, cancellationToken);
            if (looked.IsFinished && !experiment.IsFinished)
            {
                finished(looked);
            }

            experiment = looked;
        }

        return experiment;
    }

    /// <summary>Moves time on by <paramref name="duration"/>, collecting metrics every <paramref name="step"/> (an hour by default).</summary>
    public async Task AdvanceAsync(TimeSpan duration, Action<Post>? published = null, TimeSpan? step = null, CancellationToken cancellationToken = default)
    {
        var end = clock.GetUtcNow() + duration;
        while (clock.GetUtcNow() < end)
        {
            var next = step ?? Hour;
            await StepAsync(end - clock.GetUtcNow() < next ? end - clock.GetUtcNow() : next, published, cancellationToken);
        }
    }

    /// <summary>Publishes every post falling due within <paramref name="step"/>, at its due time, then runs the metrics job once.</summary>
    private async Task StepAsync(TimeSpan step, Action<Post>? published, CancellationToken cancellationToken)
    {
        var stepEnd = clock.GetUtcNow() + step;
        while (triggers.NextDue is { } due && due <= stepEnd)
        {
            clock.AdvanceTo(due);
            foreach (var postId in triggers.TakeDue(clock.GetUtcNow()))
            {
                if (await executor.ExecuteAsync(postId, recovering: false, cancellationToken) is { } post)
                {
                    published?.Invoke(post);
                }
            }
        }

        clock.AdvanceTo(stepEnd);
        Collections++;
        await collector.CollectAsync(cancellationToken);
    }
}
