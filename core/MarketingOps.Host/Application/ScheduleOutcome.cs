using MarketingOps.Core.Guardrails;

namespace MarketingOps.Host.Application;

/// <summary>The post a schedule request made (or had made before, for a repeated idempotency key).</summary>
/// <param name="Post">The stored post.</param>
/// <param name="Replayed">True when an earlier request with the same idempotency key made it.</param>
/// <param name="Note">How a local time was read, when that needs saying (a DST gap, for example).</param>
/// <param name="Outcome">The guardrails' verdict at scheduling time; null for a replay.</param>
internal sealed record ScheduleOutcome(PostView Post, bool Replayed, string? Note, GuardrailOutcome? Outcome)
{
    /// <summary>For several accounts: the group's id. The default value is none.</summary>
    public string? GroupId { get; init; }

    /// <summary>For several accounts or a thread: every post made, each account's first part then its thread's later parts, in the order asked. The default value is none.</summary>
    public IReadOnlyList<PostView>? Posts { get; init; }
}
