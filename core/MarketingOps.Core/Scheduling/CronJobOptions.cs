namespace MarketingOps.Core.Scheduling;

/// <summary>One recurring job: run the work named <see cref="Work"/> on <see cref="Cron"/>.</summary>
public sealed class CronJobOptions
{
    /// <summary>Unique name of the job. The default value is empty (invalid: it must be set).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A Quartz cron expression (seconds first), such as <c>0 0/15 * * * ?</c>. The default value is empty (invalid: it must be set).</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>IANA zone the expression is read in. The default value is UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The <see cref="IRecurringWork.Name"/> to run. The default value is empty (invalid: it must be set).</summary>
    public string Work { get; set; } = string.Empty;
}
