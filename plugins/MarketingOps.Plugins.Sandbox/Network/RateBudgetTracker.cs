using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>Sliding-window call budgets per account and operation, like a real network's rate limits. Not thread-safe: the platform's lock guards it.</summary>
internal sealed class RateBudgetTracker(IReadOnlyList<RateBudget> budgets)
{
    private readonly Dictionary<(string Account, string Operation), Queue<DateTimeOffset>> _calls = [];

    /// <summary>Records a call, or returns when the budget resets if it is spent (the call is then not recorded).</summary>
    public DateTimeOffset? TrySpend(string account, string operation, DateTimeOffset now)
    {
        var budget = budgets.FirstOrDefault(b => b.Operation == operation);
        if (budget is null)
        {
            return null;
        }

        if (!_calls.TryGetValue((account, operation), out var calls))
        {
            calls = new Queue<DateTimeOffset>();
            _calls[(account, operation)] = calls;
        }

        while (calls.Count > 0 && calls.Peek() <= now - budget.Window)
        {
            calls.Dequeue();
        }

        if (calls.Count >= budget.Limit)
        {
            return calls.Peek() + budget.Window;
        }

        calls.Enqueue(now);
        return null;
    }
}
