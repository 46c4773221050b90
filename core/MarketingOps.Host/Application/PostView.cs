using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Application;

/// <summary>A post as the API and dashboard show it.</summary>
internal sealed record PostView(
    string Id,
    string Account,
    PostState State,
    MessageKind Kind,
    string Text,
    DateTimeOffset ScheduledAt,
    DateTimeOffset DueAt,
    int Attempts,
    string? PlatformPostId,
    Uri? PlatformUrl,
    string? ExperimentId,
    string? Variant,
    string? LastError,
    string? Recipient,
    string? InReplyTo,
    MessageOrigin Origin,
    string? ApprovedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>The group it was scheduled in (one post per account), if any.</summary>
    public string? GroupId { get; init; }

    /// <summary>The id of its thread's first part, if it is part of a thread.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Its position in its thread (1 for the first), if it is part of one.</summary>
    public int? ThreadPart { get; init; }

    /// <summary>How many parts its thread has, if it is part of one.</summary>
    public int? ThreadParts { get; init; }

    /// <summary>The strong ETag of this version of the post.</summary>
    public string ETag => ETagOf(Version);

    public static string ETagOf(long version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    public static PostView From(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new PostView(
            post.Id, post.Account, post.State, post.Kind, post.Text, post.ScheduledAt, post.DueAt, post.Attempts, post.PlatformPostId,
            post.PlatformUrl, post.ExperimentId, post.Variant, post.LastError, post.Recipient, post.InReplyTo, post.Origin, post.ApprovedBy,
            post.CreatedAt, post.UpdatedAt, post.Version)
        {
            GroupId = post.GroupId,
            ThreadId = post.ThreadId,
            ThreadPart = post.ThreadPart == 0 ? null : post.ThreadPart,
            ThreadParts = post.ThreadParts == 0 ? null : post.ThreadParts,
        };
    }
}
