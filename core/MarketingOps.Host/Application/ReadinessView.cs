namespace MarketingOps.Host.Application;

/// <summary>Whether the host can do its work: the store answers, the scheduler runs, the plugins are loaded.</summary>
internal sealed record ReadinessView(bool Ready, string Store, string Scheduler, string Plugins);
