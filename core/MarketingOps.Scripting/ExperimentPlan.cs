namespace MarketingOps.Scripting;

/// <summary>Everything the experiments engine needs to run an experiment; what <see cref="ExperimentBuilder"/> produces.</summary>
/// <param name="Name">Unique name of the experiment.</param>
/// <param name="Variants">2–8 variants; the first is the control.</param>
/// <param name="Accounts">Accounts the variants are posted from, in round-robin.</param>
/// <param name="Metric">The primary metric.</param>
/// <param name="Decision">When and how a winner is declared.</param>
public sealed record ExperimentPlan(
    string Name,
    IReadOnlyList<ExperimentVariant> Variants,
    IReadOnlyList<string> Accounts,
    ExperimentMetric Metric,
    DecisionRule Decision)
{
    /// <summary>What the experiment is about, for the report. The default value is empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>Metrics that must not get worse. The default value is none.</summary>
    public IReadOnlyList<ExperimentMetric> Guardrails { get; init; } = [];

    /// <summary>The first posting slot; null means the engine picks the next free slot.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Posts per variant; variants take turns across slots (round robin). The default value is 3.</summary>
    public int PostsPerVariant { get; init; } = 3;

    /// <summary>Time between consecutive slots. The default value is one day.</summary>
    public TimeSpan Spacing { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Local times of day (in each account's zone) to post at instead of <see cref="Spacing"/>. The default value is none.</summary>
    public IReadOnlyList<TimeOnly> DailySlots { get; init; } = [];

    /// <summary>How long metrics are collected after the last post. The default value is 7 days.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Once decided, schedule the winning text as the evergreen version. The default value is false.</summary>
    public bool ScheduleWinner { get; init; }
}
