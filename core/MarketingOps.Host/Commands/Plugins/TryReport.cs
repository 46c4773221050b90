using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>What <c>mops plugins try</c> found, call by call, as <c>--json</c> prints it; a call not made is null.</summary>
internal sealed record TryReport(string Plugin, string Account, string Text)
{
    public TryValidation? Validation { get; init; }

    public TryPublish? Publish { get; init; }

    public TryLookup? Lookup { get; init; }

    public TryMetrics? Metrics { get; init; }

    public static TryValidation ValidationOf(DraftValidation validation) => new(validation.IsValid, validation.Length, validation.MaxLength, validation.Problems);

    public static TryPublish PublishOf(Post post) => new(post.Id, post.State.ToString(), post.PlatformPostId, post.PlatformUrl, post.LastError);

    public static TryLookup LookupOf(LookupResult lookup) => new(lookup.Status, lookup.Post?.Id, lookup.Post?.Url, lookup.Detail);
}
