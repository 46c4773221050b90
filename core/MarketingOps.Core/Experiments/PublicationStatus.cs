namespace MarketingOps.Core.Experiments;

/// <summary>One scheduled post's state, with the platform id and time once published.</summary>
internal sealed record PublicationStatus(string PostId, PublicationState State, string? PlatformPostId = null, DateTimeOffset? PublishedAt = null, string? Detail = null);
