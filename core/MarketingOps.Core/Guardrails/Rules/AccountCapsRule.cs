using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>Per-account caps in rolling windows: posts per 24 h, replies per hour, direct messages per 24 h.</summary>
internal sealed class AccountCapsRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.AccountCaps;

    public ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(context));

    private GuardrailRuleResult Evaluate(GuardrailContext context)
    {
        var message = context.Message;
        var (cap, window, unit) = CapFor(message.Kind, context.Options, context.Rules);
        var kind = GuardrailContext.KindName(message.Kind);

        // Every window of this length that contains the new message must stay within the cap. The fullest such
        // window starts at the new message or at an earlier one, so those starts are all that need checking.
        var nearby = context.Ledger.InRange(message.Account, message.Kind, message.At - window, message.At + window)
            .Where(e => e.Id != message.Id)
            .ToList();
        var fullest = 0;
        var fullestStart = message.At;
        foreach (var start in nearby.Where(e => e.At > message.At - window && e.At <= message.At).Select(e => e.At).Append(message.At))
        {
            var count = nearby.Count(e => e.At >= start && e.At < start + window);
            if (count > fullest)
            {
                fullest = count;
                fullestStart = start;
            }
        }

        if (fullest < cap)
        {
            return GuardrailRuleResult.Allow(Name, $"{fullest + 1} of {cap} {kind}s per {unit}");
        }

        var first = nearby.First(e => e.At >= fullestStart);
        return GuardrailRuleResult.Reject(
            Name,
            $"account '{message.Account}' already has {fullest} {kind}s in the {unit} from {fullestStart:yyyy-MM-dd HH:mm}Z; the cap is {cap} per {unit}",
            first.ToMatch());
    }

    internal static (int Cap, TimeSpan Window, string Unit) CapFor(MessageKind kind, GuardrailOptions options, AutomationRules rules) => kind switch
    {
        MessageKind.Post => (options.PostsPerDay ?? rules.PostsPerDay, TimeSpan.FromDays(1), "24 h"),
        MessageKind.Reply => (options.RepliesPerHour ?? rules.RepliesPerHour, TimeSpan.FromHours(1), "hour"),
        _ => (options.DirectMessagesPerDay ?? rules.DirectMessagesPerDay, TimeSpan.FromDays(1), "24 h"),
    };
}
