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
        item.Decisions,
    };
}
