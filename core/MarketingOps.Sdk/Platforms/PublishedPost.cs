namespace MarketingOps.Sdk;

/// <summary>A post as it exists on the platform.</summary>
/// <param name="Id">The platform's id for the post.</param>
/// <param name="Url">Where a person can see it, when the platform has such a page.</param>
/// <param name="PublishedAt">When the platform says it was created.</param>
public sealed record PublishedPost(string Id, Uri? Url, DateTimeOffset PublishedAt);
