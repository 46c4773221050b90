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
        // window starts at the new message or at an earlier one, so those starts are all that need checking;
        // the times are sorted, so each count is one binary search, and the first full window settles it.
        var times = context.Ledger.InRange(message.Account, message.Kind, message.At - window, message.At + window)
            .Where(e => e.Id != message.Id)
            .Select(e => e.At)
            .ToArray();
        var fullest = 0;
        var fullestStart = message.At;
        for (var i = LowerBound(times, message.At - window + TimeSpan.FromTicks(1)); ; i++)
        {
            var start = i < times.Length && times[i] <= message.At ? times[i] : message.At;
            var count = LowerBound(times, start + window) - LowerBound(times, start);
            if (count > fullest)
            {
                (fullest, fullestStart) = (count, start);
            }

            if (fullest >= cap || start == message.At)
            {
                break;
            }
        }

        if (fullest < cap)
        {
            return GuardrailRuleResult.Allow(Name, $"{fullest + 1} of {cap} {kind}s per {unit}");
        }

        var earliest = context.Ledger.InRange(message.Account, message.Kind, fullestStart, fullestStart + window).First(e => e.Id != message.Id);
        return GuardrailRuleResult.Reject(
            Name,
            $"account '{message.Account}' already has {fullest} {kind}s in the {unit} from {fullestStart:yyyy-MM-dd HH:mm}Z; the cap is {cap} per {unit}",
            earliest.ToMatch());
    }

    internal static (int Cap, TimeSpan Window, string Unit) CapFor(MessageKind kind, GuardrailOptions options, AutomationRules rules) => kind switch
    {
        MessageKind.Post => (options.PostsPerDay ?? rules.PostsPerDay, TimeSpan.FromDays(1), "24 h"),
        MessageKind.Reply => (options.RepliesPerHour ?? rules.RepliesPerHour, TimeSpan.FromHours(1), "hour"),
        _ => (options.DirectMessagesPerDay ?? rules.DirectMessagesPerDay, TimeSpan.FromDays(1), "24 h"),
    };

    /// <summary>The index of the first time at or after <paramref name="value"/>.</summary>
    private static int LowerBound(DateTimeOffset[] times, DateTimeOffset value)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (times[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
