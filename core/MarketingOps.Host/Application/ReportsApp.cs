using MarketingOps.Core.Guardrails.Reporting;
using MarketingOps.Core.Plugins;

namespace MarketingOps.Host.Application;

/// <summary>Plugins and their statuses, and the automation report, as <c>mops plugins list</c> and <c>mops report automation</c> show them.</summary>
internal sealed class ReportsApp(PluginManager plugins, IAutomationReport automation, TimeProvider time)
{
    public IReadOnlyList<PluginState> Plugins() => plugins.States;

    public Task<AutomationReport> AutomationAsync(DateOnly? since, CancellationToken cancellationToken)
    {
        var from = since is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date.AddDays(-28), TimeSpan.Zero);
        return automation.BuildAsync(from, cancellationToken);
    }
}
