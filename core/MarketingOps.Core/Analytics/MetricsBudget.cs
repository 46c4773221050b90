using MarketingOps.Sdk;

namespace MarketingOps.Core.Analytics;

/// <summary>
/// The metrics calls made per account in each platform's rate window, so a round asks for no more than the
/// platform's budget leaves (the rest wait for the next round). Kept in memory by the one metrics job of a host.
/// </summary>
internal sealed class MetricsBudget
{
    public const string Operation = "metrics";

    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>How many more calls <paramref name="account"/> may make now; <see cref="int.MaxValue"/> without a budget.</summary>
    public int Allowance(string account, PlatformDescriptor platform, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (Budget(platform) is not { } budget)
        {
            return int.MaxValue;
        }

        lock (_gate)
        {
            var calls = Calls(account);
            while (calls.Count > 0 && calls.Peek() <= now - budget.Window)
            {
                calls.Dequeue();
            }

            return Math.Max(0, budget.Limit - calls.Count);
        }
    }

    public void Record(string account, DateTimeOffset now)
    {
        lock (_gate)
        {
            Calls(account).Enqueue(now);
        }
    }

    private static RateBudget? Budget(PlatformDescriptor platform) =>
        platform.Limits.RateBudgets.FirstOrDefault(b => string.Equals(b.Operation, Operation, StringComparison.OrdinalIgnoreCase));

    private Queue<DateTimeOffset> Calls(string account)
    {
        if (!_calls.TryGetValue(account, out var calls))
        {
            calls = new Queue<DateTimeOffset>();
            _calls[account] = calls;
        }

        return calls;
    }
}
