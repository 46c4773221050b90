using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Posts;

namespace MarketingOps.Testing;

/// <summary>A publishing port that remembers every request; tests publish, fail or refuse posts by hand.</summary>
internal sealed class RecordingExperimentPublisher : IExperimentPublisher
{
    private readonly Dictionary<string, PublicationStatus> _status = new(StringComparer.Ordinal);
    private int _next;

    public List<(string PostId, ExperimentPostRequest Request)> Scheduled { get; } = [];

    public List<string> Cancelled { get; } = [];

    /// <summary>Returns a refusal for requests it matches.</summary>
    public Func<ExperimentPostRequest, string?> Refuse { get; set; } = _ => null;

    public Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken)
    {
        if (Refuse(request) is { } problem)
        {
            return Task.FromResult(ScheduleOutcome.Refused(problem));
        }

        var id = $"post-{++_next}";
        Scheduled.Add((id, request));
        _status[id] = new PublicationStatus(id, PublicationState.Pending);
        return Task.FromResult(ScheduleOutcome.Scheduled(id));
    }

    /// <summary>Requests <see cref="CheckAsync"/> saw, in order.</summary>
    public List<ExperimentPostRequest> Checked { get; } = [];

    /// <summary>The same refusals as <see cref="ScheduleAsync"/> gives, as checks; unless <see cref="RefuseOnlyWhenScheduling"/>.</summary>
    public Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ExperimentPostRequest> requests, CancellationToken cancellationToken)
    {
        Checked.AddRange(requests);
        return Task.FromResult<IReadOnlyList<PostCheck>>([.. requests.Select(r =>
            !RefuseOnlyWhenScheduling && Refuse(r) is { } problem ? new PostCheck([new PostProblem(PostField.Guardrails, problem)], null, null) : new PostCheck([], null, null))]);
    }

    /// <summary>Makes a refusal appear only when the post is scheduled, as when something changed after the check.</summary>
    public bool RefuseOnlyWhenScheduling { get; set; }

    public List<string> CancelReasons { get; } = [];

    public Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicationStatus>>([.. postIds.Select(id => _status[id])]);

    public Task<bool> CancelAsync(string postId, string reason, CancellationToken cancellationToken)
    {
        if (_status[postId].State != PublicationState.Pending)
        {
            return Task.FromResult(false);
        }

        Cancelled.Add(postId);
        CancelReasons.Add(reason);
        _status[postId] = new PublicationStatus(postId, PublicationState.Cancelled, Detail: reason);
        return Task.FromResult(true);
    }

    public void Publish(string postId, string platformId, DateTimeOffset at) =>
        _status[postId] = new PublicationStatus(postId, PublicationState.Published, platformId, at);

    public void Fail(string postId, string detail) =>
        _status[postId] = new PublicationStatus(postId, PublicationState.Failed, Detail: detail);
}
