namespace MarketingOps.Core.Guardrails.Reporting;

/// <summary>Builds the automation report (<c>mops report automation</c>, later the dashboard).</summary>
public interface IAutomationReport
{
    Task<AutomationReport> BuildAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
