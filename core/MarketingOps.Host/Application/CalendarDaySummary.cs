using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>One local day as a calendar draws it: how many posts in each state, and the first few of them.</summary>
internal sealed record CalendarDaySummary(DateOnly Date, IReadOnlyDictionary<PostState, int> States, IReadOnlyList<CalendarEntry> First)
{
    /// <summary>Every post of the day, drawn or not.</summary>
    public int Total => States.Values.Sum();
}
