namespace MarketingOps.Core.Posts;

/// <summary>A parsed schedule time.</summary>
/// <param name="Utc">The instant, in UTC.</param>
/// <param name="Note">Something the user should know about how the time was read (a DST overlap), if anything.</param>
internal sealed record ParsedTime(DateTimeOffset Utc, string? Note);
