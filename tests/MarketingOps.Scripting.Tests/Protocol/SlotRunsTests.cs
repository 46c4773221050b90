using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Tests.Protocol;

/// <summary>Slot lists as runs: every list comes back as it was, the usual one is two numbers, and a malformed or oversized one is refused.</summary>
public sealed class SlotRunsTests
{
    [Theory]
    [InlineData(new int[0], new int[0])]
    [InlineData(new[] { 0, 1, 2, 3 }, new[] { 0, 4 })]
    [InlineData(new[] { 5, 6, -1, -1, 2, 9, 10 }, new[] { 5, 2, -1, 2, 2, 1, 9, 2 })]
    [InlineData(new[] { 3, 3, 3 }, new[] { 3, 1, 3, 1, 3, 1 })]
    public void A_list_of_slots_crosses_as_runs_and_comes_back_whole(int[] slots, int[] runs)
    {
        Assert.Equal(runs, SlotRuns.Encode(slots));
        Assert.Equal(slots, SlotRuns.Decode(runs, limit: 11));
    }

    [Theory]
    [InlineData(new[] { 0 })] // odd length
    [InlineData(new[] { 0, -1 })] // negative count
    [InlineData(new[] { -2, 1 })] // no such slot
    [InlineData(new[] { 10, 2 })] // past the table
    [InlineData(new[] { int.MaxValue, 2 })] // past the table, overflowing
    [InlineData(new[] { 0, 1_000_000, -1, 1 })] // more slots than any list may have
    public void A_malformed_list_is_refused(int[] runs)
    {
        Assert.Null(SlotRuns.Decode(runs, limit: 11));
    }
}
