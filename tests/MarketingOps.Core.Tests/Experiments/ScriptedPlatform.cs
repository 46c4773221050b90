using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>A platform whose metrics answers a test scripts per post id; it records every metrics call.</summary>
internal sealed class ScriptedPlatform(int batchSize) : IPlatform
{
    public PlatformDescriptor Descriptor { get; } = new("scripted", "Scripted", PlatformCapabilities.Metrics, new PlatformLimits { MetricsBatchSize = batchSize });

    public List<IReadOnlyList<string>> MetricsCalls { get; } = [];

    /// <summary>The answer for a post id; null leaves the post out of the response.</summary>
    public Func<string, PostMetrics?> Answer { get; set; } = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>());

    /// <summary>Throws for a call containing this post id.</summary>
    public string? FailOn { get; set; }

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count > batchSize)
        {
            throw new ArgumentException($"batch of {postIds.Count} exceeds {batchSize}");
        }

        MetricsCalls.Add(postIds);
        if (FailOn is not null && postIds.Contains(FailOn))
        {
            throw new HttpRequestException("network down");
        }

        return Task.FromResult<IReadOnlyList<PostMetrics>>([.. postIds.Select(Answer).OfType<PostMetrics>()]);
    }

    public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 500, []);

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
