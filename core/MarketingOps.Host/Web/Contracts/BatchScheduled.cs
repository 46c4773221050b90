using MarketingOps.Host.Application;

namespace MarketingOps.Host.Web.Contracts;

/// <summary>What <c>POST /api/v1/posts/batch</c> scheduled, in the order given.</summary>
internal sealed record BatchScheduled(IReadOnlyList<PostView> Posts);
