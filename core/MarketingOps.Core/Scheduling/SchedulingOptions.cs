namespace MarketingOps.Core.Scheduling;

/// <summary>How Quartz runs the schedule (configuration section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Share one schedule between several hosts through Quartz clustering; needs PostgreSQL. The default value is false.</summary>
    public bool Clustered { get; set; }

    /// <summary>Jobs that may run at once in this host. The default value is 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often an idle scheduler looks for triggers another process added. The default value is 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a cluster node checks in; a node silent for several of these is taken over. The default value is 7.5 seconds.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Recurring work (workflows, metric collection) on cron schedules. The default value is none.</summary>
    public List<CronJobOptions> CronJobs { get; set; } = [];
}
