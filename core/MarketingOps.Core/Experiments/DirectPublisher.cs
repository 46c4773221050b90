using System.Globalization;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments;

/// <summary>
/// A publishing port for accelerated-time runs (the demo, simulations): keeps the posts in memory and publishes
/// every due one straight through its platform when <see cref="PublishDueAsync"/> is called after the clock moved.
/// It bypasses Quartz, the post store and the guardrails, so it is never registered in a real host.
/// </summary>
internal sealed class DirectPublisher(IPlatformRegistry registry, TimeProvider clock) : IExperimentPublisher
{
    private readonly Dictionary<string, (ExperimentPostRequest Request, PublicationStatus Status)> _posts = new(StringComparer.Ordinal);
    private int _next;

    public Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } problem)
        {
            return Task.FromResult(ScheduleOutcome.Refused(problem));
        }

        var id = "direct-" + (++_next).ToString(CultureInfo.InvariantCulture);
        _posts[id] = (request, new PublicationStatus(id, PublicationState.Pending));
        return Task.FromResult(ScheduleOutcome.Scheduled(id));
    }

    /// <summary>The platform's own rules only: this port has no guardrails.</summary>
    public Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ExperimentPostRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Task.FromResult<IReadOnlyList<PostCheck>>([.. requests.Select(r => new PostCheck(
            Validate(r) is { } problem ? [new PostProblem(PostField.Platform, problem)] : [], null, null))]);
    }

    public Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        return Task.FromResult<IReadOnlyList<PublicationStatus>>([.. postIds.Select(id => _posts.TryGetValue(id, out var p) ? p.Status : new PublicationStatus(id, PublicationState.Failed, Detail: "unknown post"))]);
    }

    public Task<bool> CancelAsync(string postId, string reason, CancellationToken cancellationToken)
    {
        if (!_posts.TryGetValue(postId, out var post) || post.Status.State != PublicationState.Pending)
        {
            return Task.FromResult(false);
        }

        _posts[postId] = (post.Request, post.Status with { State = PublicationState.Cancelled, Detail = reason });
        return Task.FromResult(true);
    }

    private string? Validate(ExperimentPostRequest request)
    {
        var account = registry.FindAccount(request.Account);
        var platform = account is null ? null : registry.FindPlatform(account.Platform);
        if (platform is null)
        {
            return $"account '{request.Account}' has no active platform";
        }

        var validation = platform.Validate(new PostDraft(request.Text) { Media = request.Media });
        return validation.IsValid ? null : string.Join(" ", validation.Problems);
    }

    /// <summary>Publishes every pending post whose time has come; returns how many went out.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var published = 0;
        foreach (var (id, (request, _)) in _posts.Where(p => p.Value.Status.State == PublicationState.Pending && p.Value.Request.At <= now).OrderBy(p => p.Value.Request.At).ToList())
        {
            var account = registry.FindAccount(request.Account)!;
            var platform = registry.FindPlatform(account.Platform);
            if (platform is null)
            {
                _posts[id] = (request, new PublicationStatus(id, PublicationState.Failed, Detail: $"platform '{account.Platform}' is not active"));
                continue;
            }

            var result = await platform.PublishAsync(new PublishRequest(account.Name, new PostDraft(request.Text) { Media = request.Media }, id, 1, now), cancellationToken);
            _posts[id] = (request, result.Post is { } post
                ? new PublicationStatus(id, PublicationState.Published, post.Id, post.PublishedAt)
                : new PublicationStatus(id, PublicationState.Failed, Detail: $"{result.Error!.Kind}: {result.Error.Message}"));
            published += result.Post is null ? 0 : 1;
        }

        return published;
    }
}
