using MarketingOps.Core.Accounts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>Everything a rule needs about one message, resolved once by the pipeline.</summary>
internal sealed record GuardrailContext(
    OutgoingMessage Message,
    ClientAccount Account,
    IPlatform? Platform,
    LedgerEntry Entry,
    AudienceEvent? Trigger,
    GuardrailOptions Options,
    MessageLedger Ledger,
    IAudienceHistory Audience)
{
    /// <summary>The platform's automation rules; the strictest defaults when the platform is not active.</summary>
    public AutomationRules Rules => Platform?.Descriptor.Automation ?? new AutomationRules();

    /// <summary>The person a reply or message is for (normalised handle), when known.</summary>
    public string? Recipient => Entry.Recipient;

    /// <summary>"post ID from the same account at 2027-01-10 09:30 Europe/Berlin": the time in this account's zone, as the CLI shows times.</summary>
    public string Describe(LedgerEntry other) =>
        $"{KindName(other.Kind)} {other.Id} from {(string.Equals(other.Account, Message.Account, StringComparison.OrdinalIgnoreCase) ? "the same account" : $"account '{other.Account}'")} at {TimeZoneInfo.ConvertTime(other.At, Account.TimeZone):yyyy-MM-dd HH:mm} {Account.TimeZone.Id}";

    public static string KindName(MessageKind kind) => kind switch
    {
        MessageKind.Post => "post",
        MessageKind.Reply => "reply",
        _ => "direct message",
    };
}
