namespace MarketingOps.Sdk;

/// <summary>A social network the host publishes to; every call is made by the host, never concurrently for one account.</summary>
public interface IPlatform
{
    /// <summary>What the platform is, what it can do and the limits it enforces.</summary>
    PlatformDescriptor Descriptor { get; }

    /// <summary>Checks a draft against the platform's own rules (length, media) without contacting the network.</summary>
    DraftValidation Validate(PostDraft draft);

    /// <summary>Checks a draft against what the platform allows this account (SDK 1.1), which may need one cached read such as an instance's own limits; by default <see cref="Validate"/>.</summary>
    Task<DraftValidation> ValidateAsync(string account, PostDraft draft, CancellationToken cancellationToken) => Task.FromResult(Validate(draft));

    /// <summary>Publishes a draft. The same <see cref="PublishRequest.IdempotencyKey"/> is sent on every attempt of one post.</summary>
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>Looks for a post an earlier attempt may have created, to settle an ambiguous outcome.</summary>
    Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>Fetches counters for up to <see cref="PlatformLimits.MetricsBatchSize"/> posts of one account.</summary>
    Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken);

    /// <summary>Deletes a published post.</summary>
    Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken);

    /// <summary>Reads which of the account's posts a web address points at, for a person resolving an unconfirmed post (SDK 1.1; by default not supported).</summary>
    Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken) => Task.FromResult(PostUrlMatch.NotSupported);
}
