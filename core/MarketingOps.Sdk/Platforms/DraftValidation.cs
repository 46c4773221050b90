namespace MarketingOps.Sdk;

/// <summary>The platform's verdict on a draft: its measured length and every rule it breaks.</summary>
/// <param name="Length">The text's length as the platform counts it.</param>
/// <param name="MaxLength">The platform's limit.</param>
/// <param name="Problems">Each broken rule, in words a user understands; empty when valid.</param>
public sealed record DraftValidation(int Length, int MaxLength, IReadOnlyList<string> Problems)
{
    /// <summary>True when the draft breaks no rule.</summary>
    public bool IsValid => Problems.Count == 0;
}
