using MarketingOps.Sdk;

namespace MarketingOps.Workflows.FollowUp.Tests.Doubles;

/// <summary>Passes everything to a real platform and counts what would reach the network.</summary>
public sealed class CountingPlatform(IPlatform inner) : IPlatform, IAudienceSource
{
    public List<PublishRequest> Published { get; } = [];

    public PlatformDescriptor Descriptor => inner.Descriptor;

    public DraftValidation Validate(PostDraft draft) => inner.Validate(draft);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        Published.Add(request);
        return inner.PublishAsync(request, cancellationToken);
    }

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => inner.LookupAsync(request, cancellationToken);

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        inner.GetMetricsAsync(account, postIds, cancellationToken);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => inner.DeleteAsync(account, postId, cancellationToken);

    public Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken) =>
        ((IAudienceSource)inner).GetEventsAsync(account, since, cancellationToken);

    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken) =>
        ((IAudienceSource)inner).GetProfileAsync(account, handle, cancellationToken);
}
