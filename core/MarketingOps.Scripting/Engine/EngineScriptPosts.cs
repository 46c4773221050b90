using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Posts;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Engine;

/// <summary>
/// Scripts' posts through the publishing engine: the same validation, guardrails and schedule as <c>mops post schedule</c>.
/// A post of an experiment (a bandit's pick) joins the experiment in the experiments engine, so its metrics are
/// collected and count for its variant; scripts name experiments, the engine's posts carry their ids.
/// Scripts run on a pool thread without a synchronization context, so waiting on the engine's tasks here is safe.
/// </summary>
internal sealed class EngineScriptPosts(PostService posts, ExperimentService? experiments = null) : IScriptPosts
{
    public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.At is not { } at)
        {
            throw new NotSupportedException("The publishing engine does not keep drafts yet; schedule the post with a time instead.");
        }

        if (request.Experiment is { } experimentName && experiments is not null)
        {
            return ScheduleInExperiment(request, experimentName, at, cancellationToken);
        }

        try
        {
            var scheduled = posts.ScheduleAsync(
                new ScheduleRequest(request.Account, at.ToString("O", CultureInfo.InvariantCulture), request.Text)
                {
                    ExperimentId = request.Experiment,
                    Variant = request.Variant,
                    Source = "script",
                    ThreadTexts = request.ThreadTexts ?? [],
                },
                cancellationToken).GetAwaiter().GetResult();
            return ToScript(scheduled.Post, ExperimentNames(cancellationToken));
        }
        catch (PostRequestException ex)
        {
            // The engine words its problems for the CLI ("--text: …"); a script passed arguments, not options.
            throw new ArgumentException(string.Join(" ", ex.Problems.Select(p => p.Replace("--", "", StringComparison.Ordinal))), nameof(request), ex);
        }
    }

    public IReadOnlyList<ScriptPost> List(ScriptPostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var state = query.State is { } s ? Enum.Parse<PostState>(s.ToString()) : (PostState?)null;
        var found = posts.ListAsync(new PostQuery(state, query.Account, Limit: 10_000), cancellationToken).GetAwaiter().GetResult();
        var names = ExperimentNames(cancellationToken);
        return found
            .Select(p => ToScript(p, names))
            .Where(p => query.Experiment is null || string.Equals(p.Experiment, query.Experiment, StringComparison.OrdinalIgnoreCase))
            .Where(p => query.Since is null || (p.PublishedAt ?? p.At) >= query.Since)
            .Where(p => query.Until is null || (p.PublishedAt ?? p.At) < query.Until)
            .OrderBy(p => p.PublishedAt ?? p.At)
            .ToList();
    }

    public ScriptPost? Find(string id, CancellationToken cancellationToken)
    {
        try
        {
            return ToScript(posts.ShowAsync(id, cancellationToken).GetAwaiter().GetResult().Post, ExperimentNames(cancellationToken));
        }
        catch (PostRequestException)
        {
            return null;
        }
    }

    public bool Cancel(string id, CancellationToken cancellationToken)
    {
        try
        {
            posts.CancelAsync(id, cancellationToken).GetAwaiter().GetResult();
            return true;
        }
        catch (PostRequestException)
        {
            return false;
        }
    }

    private ScriptPost ScheduleInExperiment(ScriptPostRequest request, string experimentName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Variant))
        {
            throw new ArgumentException($"A post of experiment '{experimentName}' needs the variant it carries.", nameof(request));
        }

        ExperimentPost added;
        try
        {
            added = experiments!.AddPostAsync(experimentName, request.Variant, request.Account, request.Text, at, cancellationToken).GetAwaiter().GetResult();
        }
        catch (ExperimentRequestException ex)
        {
            throw new ArgumentException(string.Join(" ", ex.Problems), nameof(request), ex);
        }

        return added.PostId is { } id
            ? Find(id, cancellationToken) ?? throw new InvalidOperationException($"Post {id} was scheduled but cannot be read back.")
            : throw new ArgumentException((added.Detail ?? "the post was refused").Replace("--", "", StringComparison.Ordinal), nameof(request));
    }

    /// <summary>Experiment ids to names, so scripts see the names they chose; empty without the experiments engine.</summary>
    private Dictionary<string, string> ExperimentNames(CancellationToken cancellationToken) =>
        experiments is null
            ? []
            : experiments.ListAsync(cancellationToken).GetAwaiter().GetResult().ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

    private static ScriptPost ToScript(Post post, Dictionary<string, string> experimentNames) => new(post.Id, post.Account, post.Text, post.ScheduledAt, Enum.Parse<ScriptPostState>(post.State.ToString()))
    {
        Experiment = post.ExperimentId is { } experimentId ? experimentNames.GetValueOrDefault(experimentId, experimentId) : null,
        Variant = post.Variant,
        Url = post.PlatformUrl,
        PublishedAt = post.State == PostState.Published ? post.UpdatedAt : null,
    };
}
