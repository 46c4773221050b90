using MarketingOps.Core.Inbox;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary>The JSON shape of an inbox item.</summary>
internal static class InboxJson
{
    public static object From(InboxItem item) => new
    {
        item.Id,
        item.Kind,
        item.Status,
        item.Platform,
        item.Account,
        kindOfMessage = item.Draft.Kind,
        recipient = item.Draft.Recipient,
        inReplyTo = item.Draft.InReplyTo,
        text = item.Draft.Text,
        item.Source,
        item.Trigger,
        item.TriggerEventId,
        item.Facts,
        item.ProposedAt,
        item.SendAt,
        item.PostId,
        verdict = new { outcome = item.Verdict.Outcome, results = item.Verdict.Results },
        parts = item.Parts.Select(p => new
        {
            p.Part,
            p.PostId,
            text = p.Draft.Text,
            p.HeldBecause,
            verdict = p.Verdict is null ? null : new { outcome = p.Verdict.Outcome, results = p.Verdict.Results },
        }),
        item.Decisions,
    };
}
