using System.Globalization;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.InMemory;

/// <summary>
/// Wraps the host's services for <c>--dry-run</c>: reads go to the real engines, writes (posts, experiments) go to an
/// in-memory recorder that prints "would schedule …" instead.
/// </summary>
internal static class DryRunScriptServices
{
    public static (ScriptServices Services, DryRunRecorder Recorder) Wrap(ScriptServices inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var recorder = new DryRunRecorder(inner.Output);
        var recordedPosts = new InMemoryScriptPosts(inner.Accounts, inner.Clock, idPrefix: "dry-run-")
        {
            Created = post => recorder.Record(post.At is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"would schedule on {post.Account} at {at:yyyy-MM-dd HH:mm}Z{Tag(post)}: {post.Text}")
                : $"would save a draft on {post.Account}{Tag(post)}: {post.Text}"),
        };
        var posts = new Posts(inner.Posts, recordedPosts, recorder);
        var experiments = new Experiments(inner.Experiments, new InMemoryScriptExperiments(posts, inner.Metrics, inner.Clock), recorder);
        return (inner with { Posts = posts, Experiments = experiments }, recorder);
    }

    private static string Tag(ScriptPost post) => post.Experiment is null ? "" : $" [{post.Experiment}/{post.Variant}]";

    private sealed class Posts(IScriptPosts real, InMemoryScriptPosts recorded, DryRunRecorder recorder) : IScriptPosts
    {
        public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken) => recorded.Schedule(request, cancellationToken);

        public IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken)
            => [.. real.List(query, cancellationToken), .. recorded.List(query, cancellationToken)];

        public ScriptPost? Find(string id, CancellationToken cancellationToken) => recorded.Find(id, cancellationToken) ?? real.Find(id, cancellationToken);

        public bool Cancel(string id, CancellationToken cancellationToken)
        {
            if (recorded.Cancel(id, cancellationToken))
            {
                return true;
            }

            if (real.Find(id, cancellationToken) is not { State: ScriptPostState.Draft or ScriptPostState.Scheduled } post)
            {
                return false;
            }

            recorder.Record($"would cancel {post.Id} on {post.Account}: {post.Text}");
            return true;
        }
    }

    private sealed class Experiments(IScriptExperiments real, InMemoryScriptExperiments recorded, DryRunRecorder recorder) : IScriptExperiments
    {
        public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken)
        {
            if (real.Find(plan.Name, cancellationToken) is not null)
            {
                throw new ArgumentException($"An experiment named '{plan.Name}' already exists.", nameof(plan));
            }

            recorder.Record(string.Create(CultureInfo.InvariantCulture,
                $"would start experiment '{plan.Name}': {plan.Variants.Count} variants, {plan.Metric.Name}, {plan.Decision.Method}"));
            return recorded.Start(plan, cancellationToken);
        }

        public ScriptExperiment? Find(string name, CancellationToken cancellationToken) => recorded.Find(name, cancellationToken) ?? real.Find(name, cancellationToken);

        public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken)
            => [.. recorded.List(cancellationToken), .. real.List(cancellationToken)];

        public ExperimentResults Results(string name, CancellationToken cancellationToken)
            => recorded.Find(name, cancellationToken) is not null ? recorded.Results(name, cancellationToken) : real.Results(name, cancellationToken);

        public ExperimentVariant Pick(string name, CancellationToken cancellationToken)
            => recorded.Find(name, cancellationToken) is not null ? recorded.Pick(name, cancellationToken) : real.Pick(name, cancellationToken);

        public bool Stop(string name, CancellationToken cancellationToken)
        {
            if (recorded.Find(name, cancellationToken) is not null)
            {
                return recorded.Stop(name, cancellationToken);
            }

            if (real.Find(name, cancellationToken) is not { Status: ExperimentStatus.Running })
            {
                return false;
            }

            recorder.Record($"would stop experiment '{name}'");
            return true;
        }
    }
}
