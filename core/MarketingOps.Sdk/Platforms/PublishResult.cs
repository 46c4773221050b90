namespace MarketingOps.Sdk;

/// <summary>The outcome of a publish: either the published post or an error.</summary>
public sealed record PublishResult
{
    private PublishResult(PublishedPost? post, PlatformError? error)
    {
        Post = post;
        Error = error;
    }

    /// <summary>The post, when published.</summary>
    public PublishedPost? Post { get; }

    /// <summary>Why it was not published.</summary>
    public PlatformError? Error { get; }

    /// <summary>Creates a success.</summary>
    public static PublishResult Published(PublishedPost post) => new(post ?? throw new ArgumentNullException(nameof(post)), null);

    /// <summary>Creates a failure.</summary>
    public static PublishResult Failed(PlatformError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
