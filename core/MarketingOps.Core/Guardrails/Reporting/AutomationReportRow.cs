namespace MarketingOps.Core.Guardrails.Reporting;

/// <summary>One account's week: what went out, by kind and origin, and what the guardrails stopped, by rule.</summary>
public sealed record AutomationReportRow(
    string Account,
    IsoWeek Week,
    OriginCounts Posts,
    OriginCounts Replies,
    OriginCounts DirectMessages,
    IReadOnlyDictionary<string, int> RejectionsByRule)
{
    public int Rejections => RejectionsByRule.Values.Sum();
}
