using System.Globalization;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>
/// Duplicate and near-duplicate content within the window, against every post of the client's accounts on the same
/// platform, and against the same account's earlier messages of every kind: all of them for a post, those to the same
/// person for a reply or direct message.
/// Variants of one experiment are exempt from each other only where the platform allows it, and only when really reworded.
/// </summary>
internal sealed class DuplicateContentRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.DuplicateContent;

    public ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(context));

    private GuardrailRuleResult Evaluate(GuardrailContext context)
    {
        var message = context.Message;
        var options = context.Options;
        var entry = context.Entry;
        if (entry.Fingerprint.IsEmpty)
        {
            return GuardrailRuleResult.Allow(Name, "nothing to compare: no words, links or emoji");
        }

        var matches = context.Ledger.FindSimilar(entry.Platform, entry.Fingerprint, options.NearDuplicateThreshold, other =>
            other.Id != message.Id
            && (other.At - message.At).Duration() <= options.DuplicateWindow
            && InScope(message, entry, other));

        var exempt = 0;
        foreach (var (other, similarity) in matches)
        {
            if (IsVariantOfSameExperiment(message, other.Message))
            {
                if (context.Rules.AllowsVariantPosts && similarity < options.IdenticalThreshold)
                {
                    exempt++;
                    continue;
                }

                if (context.Rules.AllowsVariantPosts)
                {
                    return GuardrailRuleResult.Reject(
                        Name,
                        $"variants of experiment '{message.ExperimentId}' must be really different wordings; this one is identical to variant '{other.Message.VariantId}' ({context.Describe(other)}, similarity {Format(similarity)})",
                        other.ToMatch(similarity));
                }
            }

            var what = $"{context.Describe(other)}, similarity {Format(similarity)}";
            return similarity >= options.IdenticalThreshold
                ? GuardrailRuleResult.Reject(Name, $"the same text as {what}", other.ToMatch(similarity))
                : GuardrailRuleResult.ForReview(Name, message.Origin, $"a near-duplicate of {what}", other.ToMatch(similarity));
        }

        var days = options.DuplicateWindow.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
        return GuardrailRuleResult.Allow(Name, exempt == 0
            ? $"nothing similar within {days} days"
            : $"nothing similar within {days} days apart from {exempt} reworded variant(s) of the same experiment");
    }

    // Every message is compared with the client's public posts on the platform, and a post with the account's replies
    // and messages too. Replies and messages to other people are left to the fan-out rule, which allows a few.
    private static bool InScope(OutgoingMessage message, LedgerEntry entry, LedgerEntry other) =>
        other.Kind == MessageKind.Post
        || (string.Equals(other.Account, message.Account, StringComparison.OrdinalIgnoreCase)
            && (message.Kind == MessageKind.Post || (other.Recipient is not null && other.Recipient == entry.Recipient)));

    private static bool IsVariantOfSameExperiment(OutgoingMessage message, OutgoingMessage other) =>
        message.ExperimentId is not null
        && string.Equals(message.ExperimentId, other.ExperimentId, StringComparison.Ordinal)
        && !string.Equals(message.VariantId, other.VariantId, StringComparison.Ordinal);

    internal static string Format(double similarity) => similarity.ToString("0.00", CultureInfo.InvariantCulture);
}
