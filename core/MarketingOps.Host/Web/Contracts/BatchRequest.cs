using MarketingOps.Host.Application;

namespace MarketingOps.Host.Web.Contracts;

/// <summary>The body of <c>POST /api/v1/posts/batch</c>: posts shaped as <c>POST /api/v1/posts</c> takes one, one account each.</summary>
internal sealed record BatchRequest(IReadOnlyList<ScheduleCommand>? Posts);
