using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>
/// Says when a post a person scheduled falls in the account's quiet hours: it goes out at that time (the quiet hours
/// hold or refuse only what a workflow or script sends for the inbox or unattended), which a marketer may not expect.
/// </summary>
internal static class QuietHoursNote
{
    private const string ByHand = "written by hand: ";

    public static string? Of(GuardrailVerdict verdict) => verdict.Results
        .Where(r => r.Rule == GuardrailRuleNames.QuietHours && r.Outcome == GuardrailOutcome.Allow && r.Reason.StartsWith(ByHand, StringComparison.Ordinal) && r.Reason.Contains("inside", StringComparison.Ordinal))
        .Select(r => $"{r.Reason[ByHand.Length..]} (Guardrails in mops.json): a post you schedule goes out at the time you give; the quiet hours hold what a workflow drafts for the inbox and refuse what it would send unattended")
        .FirstOrDefault();
}
