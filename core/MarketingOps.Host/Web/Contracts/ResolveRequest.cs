namespace MarketingOps.Host.Web.Contracts;

/// <summary>What a person found for an unconfirmed post: where it was published, or that it was not.</summary>
internal sealed record ResolveRequest(Uri? PublishedUrl = null, bool NotPublished = false);
