namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A list of slots as runs of consecutive ones, [first, count] pairs ([-1, count] for values that are absent): a warm
/// answer of 4,000 posts in the order they were sent is two numbers, not 4,000.
/// </summary>
internal static class SlotRuns
{
    /// <summary>How many slots one list may expand to, whoever sent it.</summary>
    public const int MaxSlots = 1_000_000;

    public static int[] Encode(ReadOnlySpan<int> slots)
    {
        var runs = new List<int>();
        var i = 0;
        while (i < slots.Length)
        {
            var first = slots[i];
            var count = 1;
            while (i + count < slots.Length && slots[i + count] == (first == -1 ? -1 : first + count))
            {
                count++;
            }

            runs.Add(first);
            runs.Add(count);
            i += count;
        }

        return [.. runs];
    }

    /// <summary>The slots, each checked to lie below <paramref name="limit"/> (or be -1); null for a malformed list.</summary>
    public static int[]? Decode(int[]? runs, int limit)
    {
        if (runs is null || runs.Length % 2 != 0)
        {
            return null;
        }

        long total = 0;
        for (var i = 0; i < runs.Length; i += 2)
        {
            var (first, count) = (runs[i], runs[i + 1]);
            if (count < 0 || first < -1 || (first >= 0 && (long)first + count > limit))
            {
                return null;
            }

            total += count;
        }

        if (total > MaxSlots)
        {
            return null;
        }

        var slots = new int[total];
        var at = 0;
        for (var i = 0; i < runs.Length; i += 2)
        {
            var (first, count) = (runs[i], runs[i + 1]);
            for (var k = 0; k < count; k++)
            {
                slots[at++] = first == -1 ? -1 : first + k;
            }
        }

        return slots;
    }
}
