using System.Globalization;
using System.Text;
using MarketingOps.Core.Guardrails.Similarity;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>A remembered message with what the rules compare: its platform, recipient, fingerprint and personalised values.</summary>
internal sealed record LedgerEntry(OutgoingMessage Message, string Platform, string? Recipient, ContentFingerprint Fingerprint, string? PersonalisedKey)
{
    public string Id => Message.Id;

    public string Account => Message.Account;

    public MessageKind Kind => Message.Kind;

    public DateTimeOffset At => Message.At;

    public GuardrailMatch ToMatch(double? similarity = null) => new(Id, Account, At, similarity);

    public static LedgerEntry Create(OutgoingMessage message, string platform, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(message);
        var names = new List<string>(2);
        if (recipient is not null)
        {
            names.Add(recipient);
        }

        if (!string.IsNullOrWhiteSpace(message.RecipientName))
        {
            names.Add(message.RecipientName);
        }

        return new LedgerEntry(message, platform, recipient, ContentFingerprint.Create(message.Draft.Text, names), PersonalisedKeyOf(message, names));
    }

    /// <summary>
    /// The template values that really personalise the message: the recipient's own name or handle does not,
    /// so "Hi {name}, thanks for following!" has an empty key, the same as every other copy of it.
    /// </summary>
    private static string? PersonalisedKeyOf(OutgoingMessage message, IReadOnlyCollection<string> names)
    {
        if (message.Template is null)
        {
            return null;
        }

        var nameSet = names.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var (placeholder, value) in message.Template.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var folded = Fold(value);
            if (folded.Length > 0 && !nameSet.Contains(folded))
            {
                key.Append(placeholder).Append('=').Append(folded).Append('\u001f');
            }
        }

        return key.ToString();
    }

    private static string Fold(string value) =>
        string.Join(' ', value.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).TrimStart('@')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
