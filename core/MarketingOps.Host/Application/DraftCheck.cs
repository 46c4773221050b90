using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>What one account's platform and the guardrails say about a draft before anything is saved.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Platform">The platform's display name.</param>
/// <param name="Validation">The plugin's own <c>Validate</c>: length as the platform counts it, its limit, broken rules; null when the plugin is not active.</param>
/// <param name="Verdict">Every guardrail's answer, naming the rule and any earlier message it matched.</param>
/// <param name="Matches">The earlier posts the verdict matched, by id, for showing their text.</param>
internal sealed record DraftCheck(string Account, string Platform, DraftValidation? Validation, GuardrailVerdict Verdict, IReadOnlyDictionary<string, PostView> Matches);
