using System.Runtime.Loader;
using MarketingOps.Sdk;

namespace MarketingOps.Testing.ContextProbePlugin;

/// <summary>
/// Refuses every draft with a problem that names the build ("edition 1": a test rewrites it in the assembly as a
/// rebuild would), this load context (a number drawn once per context, as statics are made once per context) and how
/// many drafts the context has checked, so a test can tell which calls shared a context and which build they ran.
/// </summary>
internal sealed class ContextProbePlatform(string id) : IPlatform
{
    private static readonly string Context = $"{Guid.NewGuid():N} ({AssemblyLoadContext.GetLoadContext(typeof(ContextProbePlatform).Assembly)?.Name})";
    private static int _checks;

    public PlatformDescriptor Descriptor { get; } = new(id, "Context probe", PlatformCapabilities.None, new PlatformLimits());

    public DraftValidation Validate(PostDraft draft) =>
        new(draft.Text.Length, 500, [$"probe edition 1, context {Context}, check {Interlocked.Increment(ref _checks)}"]);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(PublishResult.Published(new PublishedPost(request.IdempotencyKey, null, DateTimeOffset.UnixEpoch)));

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => Task.FromResult(LookupResult.NotFound);

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostMetrics>>([]);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);
}
