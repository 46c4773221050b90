namespace MarketingOps.Core.Plugins;

/// <summary>A workflow's settings in <c>plugins.json</c>.</summary>
/// <param name="Schedule">A Quartz cron expression replacing the workflow's default; null keeps the default.</param>
/// <param name="Unattended">Message kinds (<c>post</c>, <c>reply</c>, <c>dm</c>) the client lets this workflow send without approval.</param>
/// <param name="Enabled">A disabled workflow is never scheduled.</param>
public sealed record WorkflowEntry(string? Schedule, IReadOnlyList<string> Unattended, bool Enabled = true);
