namespace MarketingOps.Sdk;

/// <summary>One attempt to publish a draft from an account.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Draft">What to publish.</param>
/// <param name="IdempotencyKey">Stable across every attempt of the same post; a platform that supports idempotency passes it on.</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3, …</param>
/// <param name="FirstAttemptAt">When the first attempt started, to bound a reconciliation search.</param>
public sealed record PublishRequest(string Account, PostDraft Draft, string IdempotencyKey, int Attempt, DateTimeOffset FirstAttemptAt);
