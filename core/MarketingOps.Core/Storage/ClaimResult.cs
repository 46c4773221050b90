using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Storage;

/// <summary>The outcome of <see cref="IPostStore.TryClaimAsync"/>.</summary>
internal sealed record ClaimResult(ClaimOutcome Outcome, Post? Post = null, DateTimeOffset? RetryAt = null, RateBudget? Budget = null, string? BusyWith = null);
