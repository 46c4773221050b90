namespace MarketingOps.Sdk;

/// <summary>What a reconciliation lookup found.</summary>
/// <param name="Status">Whether the post exists.</param>
/// <param name="Post">The post, when found.</param>
/// <param name="Detail">Why the answer is <see cref="LookupStatus.Unknown"/>, when it is.</param>
public sealed record LookupResult(LookupStatus Status, PublishedPost? Post = null, string? Detail = null)
{
    /// <summary>The post was found.</summary>
    public static LookupResult Found(PublishedPost post) => new(LookupStatus.Found, post);

    /// <summary>The platform says no such post exists.</summary>
    public static LookupResult NotFound { get; } = new(LookupStatus.NotFound);

    /// <summary>The lookup could not tell.</summary>
    public static LookupResult Unknown(string detail) => new(LookupStatus.Unknown, null, detail);
}
