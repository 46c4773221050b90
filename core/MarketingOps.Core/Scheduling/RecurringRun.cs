namespace MarketingOps.Core.Scheduling;

/// <summary>One firing of recurring work.</summary>
/// <param name="ScheduledAt">When the firing was due.</param>
/// <param name="PreviousRunAt">When the previous firing ran, if there was one since the host started.</param>
public sealed record RecurringRun(DateTimeOffset ScheduledAt, DateTimeOffset? PreviousRunAt);
