namespace MarketingOps.Host.Web.Contracts;

/// <summary>One part's new text in an approval (<c>part</c> from 1; 1 for a single message).</summary>
internal sealed record PartEditRequest(int Part, string Text);
