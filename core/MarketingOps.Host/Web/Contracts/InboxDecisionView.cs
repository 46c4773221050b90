using MarketingOps.Host.Application;

namespace MarketingOps.Host.Web.Contracts;

/// <summary>An approval's result: the item, and whether it went on to publishing (false when the guardrails refused it again).</summary>
internal sealed record InboxDecisionView(InboxItemView Item, bool Published);
