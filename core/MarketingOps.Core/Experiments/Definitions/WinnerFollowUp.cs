namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>What to do with the winner: schedule its text once more as the evergreen version, through the normal guardrails.</summary>
/// <param name="ScheduleWinner">Whether to schedule the winning variant.</param>
/// <param name="Delay">How long after the decision the winner is posted.</param>
/// <param name="Account">The account to post from; null uses the winner's first account.</param>
internal sealed record WinnerFollowUp(bool ScheduleWinner, TimeSpan Delay, string? Account = null)
{
    /// <summary>
    /// Once a winner is declared, the winner's remaining planned posts still go out (the others' are cancelled). The
    /// default value is false: every variant's remaining planned posts are cancelled by the decision.
    /// </summary>
    public bool KeepPosting { get; init; }

    public static WinnerFollowUp None { get; } = new(false, TimeSpan.Zero);

    /// <summary>Schedule the winner a day after the decision. The default delay is one day.</summary>
    public static WinnerFollowUp Evergreen(TimeSpan? delay = null, string? account = null) => new(true, delay ?? TimeSpan.FromDays(1), account);
}
