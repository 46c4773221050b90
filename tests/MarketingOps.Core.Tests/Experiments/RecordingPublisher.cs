using MarketingOps.Core.Experiments;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>A publishing port that remembers every request; tests publish, fail or refuse posts by hand.</summary>
internal sealed class RecordingPublisher : IExperimentPublisher
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

    public Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicationStatus>>([.. postIds.Select(id => _status[id])]);

    public Task<bool> CancelAsync(string postId, CancellationToken cancellationToken)
    {
        if (_status[postId].State != PublicationState.Pending)
        {
            return Task.FromResult(false);
        }

        Cancelled.Add(postId);
        _status[postId] = new PublicationStatus(postId, PublicationState.Failed, Detail: "Cancelled");
        return Task.FromResult(true);
    }

    public void Publish(string postId, string platformId, DateTimeOffset at) =>
        _status[postId] = new PublicationStatus(postId, PublicationState.Published, platformId, at);

    public void Fail(string postId, string detail) =>
        _status[postId] = new PublicationStatus(postId, PublicationState.Failed, Detail: detail);
}
