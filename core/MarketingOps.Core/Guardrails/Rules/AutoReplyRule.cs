using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>
/// Where the platform says so (X), an automated reply goes only to someone who engaged first (mentioned,
/// replied to or messaged the account), and only once per interaction.
/// </summary>
internal sealed class AutoReplyRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.AutoReply;

    public async ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Kind != MessageKind.Reply)
        {
            return GuardrailRuleResult.Allow(Name, "not a reply");
        }

        if (message.Origin == MessageOrigin.Hand)
        {
            return GuardrailRuleResult.Allow(Name, "written by hand");
        }

        if (!context.Rules.AutoReplyRequiresEngagement)
        {
            return GuardrailRuleResult.Allow(Name, "the platform allows automated replies");
        }

        var engagement = context.Trigger;
        if (engagement is null && message.Draft.InReplyTo is { } postId)
        {
            engagement = await context.Audience.FindByPostAsync(message.Account, postId, cancellationToken);
        }

        if (engagement is null || engagement.Kind == AudienceEventKind.Follow
            || (context.Recipient is { } recipient && Handles.Normalize(engagement.Handle) != recipient))
        {
            return GuardrailRuleResult.ForAutomation(Name, message.Origin, $"{Who(context)} has not engaged with the account first (no mention, reply or message this answers)");
        }

        var earlier = context.Ledger.AnswersTo(message.Account, MessageLedger.EventInteraction(engagement.Id))
            .Concat(engagement.PostId is null ? [] : context.Ledger.AnswersTo(message.Account, MessageLedger.PostInteraction(engagement.PostId)))
            .Where(e => e.Id != message.Id && e.Kind == MessageKind.Reply && e.Message.Origin != MessageOrigin.Hand)
            .OrderBy(e => e.At)
            .FirstOrDefault();
        return earlier is not null
            ? GuardrailRuleResult.ForAutomation(Name, message.Origin, $"the account already answered this {Kind(engagement)} automatically: {context.Describe(earlier)}", earlier.ToMatch())
            : GuardrailRuleResult.Allow(Name, $"answers @{Handles.Normalize(engagement.Handle)}'s {Kind(engagement)} of {engagement.OccurredAt:yyyy-MM-dd HH:mm}Z, the first automated answer to it");
    }

    private static string Who(GuardrailContext context) => context.Recipient is { } recipient ? "@" + recipient : "the person replied to";

    private static string Kind(AudienceEvent engagement) => engagement.Kind switch
    {
        AudienceEventKind.Mention => "mention",
        AudienceEventKind.Reply => "reply",
        _ => "message",
    };
}
