using System.Globalization;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>
/// Identical-message fan-out: at most K people may get near-identical replies or messages from the client's accounts
/// on one platform within the window. Recipients' own names do not count as personalisation, and a templated message
/// whose personalised values are the same as another's (or only the name) counts as identical to it.
/// </summary>
internal sealed class FanOutRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.FanOut;

    public ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(context));

    private GuardrailRuleResult Evaluate(GuardrailContext context)
    {
        var message = context.Message;
        var options = context.Options;
        var entry = context.Entry;
        if (message.Kind == MessageKind.Post || entry.Recipient is null)
        {
            return GuardrailRuleResult.Allow(Name, "not addressed to a person");
        }

        bool InWindow(LedgerEntry other) =>
            other.Id != message.Id
            && other.Kind != MessageKind.Post
            && other.Recipient is not null && other.Recipient != entry.Recipient
            && (other.At - message.At).Duration() < options.FanOutWindow;

        // Recipient → the most similar message they got.
        var recipients = new Dictionary<string, (LedgerEntry Entry, double Similarity, bool Template)>(StringComparer.Ordinal);
        foreach (var (other, similarity) in context.Ledger.FindSimilar(entry.Platform, entry.Fingerprint, options.NearDuplicateThreshold, InWindow))
        {
            if (!recipients.TryGetValue(other.Recipient!, out var known) || known.Similarity < similarity)
            {
                recipients[other.Recipient!] = (other, similarity, false);
            }
        }

        if (message.Template is { } template)
        {
            foreach (var other in context.Ledger.FindByTemplate(entry.Platform, template.TemplateId))
            {
                if (InWindow(other) && other.PersonalisedKey == entry.PersonalisedKey && !recipients.ContainsKey(other.Recipient!))
                {
                    recipients[other.Recipient!] = (other, 1.0, true);
                }
            }
        }

        var hours = options.FanOutWindow.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        if (recipients.Count < options.FanOutLimit)
        {
            return GuardrailRuleResult.Allow(Name, recipients.Count == 0
                ? $"no one else got a similar message within {hours} h"
                : $"{recipients.Count} other recipient(s) got a similar message within {hours} h; at most {options.FanOutLimit} may");
        }

        var closest = recipients.Values.OrderByDescending(r => r.Similarity).ThenBy(r => r.Entry.At).First();
        var names = string.Join(", ", recipients.Keys.Order(StringComparer.Ordinal).Take(5).Select(r => "@" + r));
        var why = closest.Template
            ? $"template '{message.Template!.TemplateId}' with the same personalised values as {context.Describe(closest.Entry)} to @{closest.Entry.Recipient}"
            : $"closest: {context.Describe(closest.Entry)} to @{closest.Entry.Recipient}, similarity {DuplicateContentRule.Format(closest.Similarity)}";
        return GuardrailRuleResult.Reject(
            Name,
            $"{recipients.Count} recipients ({names}{(recipients.Count > 5 ? ", …" : "")}) already got a near-identical message within {hours} h; at most {options.FanOutLimit} may ({why})",
            closest.Entry.ToMatch(closest.Similarity));
    }
}
