using MarketingOps.Core.Experiments;
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
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);

    /// <summary>Simulated hours so far.</summary>
    public int Hours { get; private set; }

    /// <summary>Runs until the experiment is finished and its winner (if scheduled) is out, or two days past its end.</summary>
    public async Task<Experiment> RunAsync(string experimentId, Action<Post> published, Action<Experiment> finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(finished);
        var experiment = await experiments.GetAsync(experimentId, cancellationToken);
        var limit = experiment.EndsAt + TimeSpan.FromDays(2);
        while (clock.GetUtcNow() < limit && !(experiment.IsFinished && triggers.NextDue is null))
        {
            var hourEnd = clock.GetUtcNow() + Step;
            while (triggers.NextDue is { } due && due <= hourEnd)
            {
                clock.AdvanceTo(due);
                foreach (var postId in triggers.TakeDue(clock.GetUtcNow()))
                {
                    if (await executor.ExecuteAsync(postId, recovering: false, cancellationToken) is { } post)
                    {
                        published(post);
                    }
                }
            }

            clock.AdvanceTo(hourEnd);
            Hours++;
            await collector.CollectAsync(cancellationToken);
            var looked = await experiments.GetAsync(experiment.Id, cancellationToken);
            if (looked.IsFinished && !experiment.IsFinished)
            {
                finished(looked);
            }

            experiment = looked;
        }

        return experiment;
    }
}
