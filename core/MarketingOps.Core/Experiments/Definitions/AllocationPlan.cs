namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>How the variants' posts are laid onto time slots and accounts.</summary>
internal sealed record AllocationPlan
{
    /// <summary>Posts each variant gets; one round gives every variant one slot. The default value is 3.</summary>
    public int PostsPerVariant { get; init; } = 3;

    /// <summary>The earliest slot; null means the next whole hour after the experiment is created. The default value is null.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Daily local times (in each account's zone) to post at, e.g. 09:00 and 18:00; when empty, slots are <see cref="Every"/> apart. The default value is none.</summary>
    public IReadOnlyList<TimeOnly> DailySlots { get; init; } = [];

    /// <summary>Time between consecutive slots when <see cref="DailySlots"/> is empty. The default value is 8 hours.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Seed of the rotation, so the same plan always gives the same posts. The default value is 1.</summary>
    public int Seed { get; init; } = 1;
}
