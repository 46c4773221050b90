namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>One scheduled post's state, with the platform id and time once published.</summary>
internal sealed record PublicationStatus(string PostId, PublicationState State, string? PlatformPostId = null, DateTimeOffset? PublishedAt = null, string? Detail = null);
