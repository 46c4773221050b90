namespace MarketingOps.Core.Scheduling;

/// <summary>
/// Recurring work known only once the host has started, such as the workflows of loaded plugins; the engine
/// schedules it beside the configured cron jobs. Register implementations in the container.
/// </summary>
public interface IRecurringWorkSource
{
    /// <summary>The work and its schedules as they are now.</summary>
    IReadOnlyList<ScheduledWork> GetWork();
}
