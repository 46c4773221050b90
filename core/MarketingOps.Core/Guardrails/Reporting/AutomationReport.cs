namespace MarketingOps.Core.Guardrails.Reporting;

/// <summary>The automation report: per account and ISO week, hand-written vs inbox-approved vs unattended messages, and guardrail rejections by rule.</summary>
/// <param name="Since">The first instant counted.</param>
/// <param name="Until">When the report was made; scheduled messages after it are not counted.</param>
/// <param name="Rows">One row per account and week with any activity, by account then week.</param>
public sealed record AutomationReport(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<AutomationReportRow> Rows);
