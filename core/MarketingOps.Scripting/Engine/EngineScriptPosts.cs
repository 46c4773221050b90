using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Engine;

/// <summary>
/// Scripts' posts through the publishing engine: the same validation, guardrails and schedule as <c>mops post schedule</c>.
/// Scripts run on a pool thread without a synchronization context, so waiting on the engine's tasks here is safe.
/// </summary>
internal sealed class EngineScriptPosts(PostService posts) : IScriptPosts
{
    public ScriptPost Schedule(ScriptPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.At is not { } at)
        {
            throw new NotSupportedException("The publishing engine does not keep drafts yet; schedule the post with a time instead.");
        }

        try
        {
            var scheduled = posts.ScheduleAsync(
                new ScheduleRequest(request.Account, at.ToString("O", CultureInfo.InvariantCulture), request.Text)
                {
                    ExperimentId = request.Experiment,
                    Variant = request.Variant,
                    Source = "script",
                },
                cancellationToken).GetAwaiter().GetResult();
            return ToScript(scheduled.Post);
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
        return found
            .Select(ToScript)
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
            return ToScript(posts.ShowAsync(id, cancellationToken).GetAwaiter().GetResult().Post);
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

    internal static ScriptPost ToScript(Post post) => new(post.Id, post.Account, post.Text, post.ScheduledAt, Enum.Parse<ScriptPostState>(post.State.ToString()))
    {
        Experiment = post.ExperimentId,
        Variant = post.Variant,
        Url = post.PlatformUrl,
        PublishedAt = post.State == PostState.Published ? post.UpdatedAt : null,
    };
}
