using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Posts;

/// <summary>What scheduling a post would meet, found without storing anything.</summary>
/// <param name="Problems">Every reason it would be refused; empty when it would be accepted.</param>
/// <param name="Verdict">The guardrails' verdict, when the request got that far.</param>
/// <param name="ApprovalReason">Why it would wait in the approval inbox, if it would.</param>
public sealed record PostCheck(IReadOnlyList<PostProblem> Problems, GuardrailVerdict? Verdict, string? ApprovalReason)
{
    /// <summary>The post as scheduling would store it (its id is not kept), when the request got as far as the guardrails. The default value is none.</summary>
    public Post? Post { get; init; }

    public bool IsAccepted => Problems.Count == 0;
}
