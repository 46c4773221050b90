using MarketingOps.Sdk;

namespace MarketingOps.Testing.PrivateDepsPlugin;

/// <summary>Publishes nowhere; its display name reports the library versions the plugin ran on.</summary>
internal sealed class PrivateDepsPlatform(string id, string versions, TimeProvider clock) : IPlatform
{
    public PlatformDescriptor Descriptor { get; } = new(id, versions, PlatformCapabilities.None, new PlatformLimits());

    public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 500, []);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(PublishResult.Published(new PublishedPost(request.IdempotencyKey, null, clock.GetUtcNow())));

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => Task.FromResult(LookupResult.NotFound);

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostMetrics>>([]);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);
}
