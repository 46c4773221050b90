using MarketingOps.Sdk;

namespace MopsWorkflow;

/// <summary>The start of an answer to one question, for a person to finish: it quotes the question, it does not pretend to answer it.</summary>
internal static class QuestionAnswer
{
    private const int QuoteLength = 80;

    /// <summary>The proposal, or <see langword="null"/> when the event is no question to the account.</summary>
    public static Proposal? Draft(AccountInfo account, AudienceEvent audienceEvent)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(audienceEvent);
        if (audienceEvent.Kind is not (AudienceEventKind.Mention or AudienceEventKind.Reply)
            || audienceEvent.PostId is null
            || audienceEvent.Text is not { } text
            || !text.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var handle = audienceEvent.Handle.TrimStart('@');
        var draft = new PostDraft($"@{handle} Good question! ")
        {
            Kind = MessageKind.Reply,
            InReplyTo = audienceEvent.PostId,
            Recipient = handle,
        };
        return new Proposal(account.Platform, account.Name, draft, $"question from @{handle}: “{Quote(text)}”")
        {
            Facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["they asked"] = text },
            TriggerEventId = audienceEvent.Id,
        };
    }

    private static string Quote(string text) => text.Length <= QuoteLength ? text : string.Concat(text.AsSpan(0, QuoteLength), "…");
}
