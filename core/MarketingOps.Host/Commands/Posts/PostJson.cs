using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>The <c>--json</c> shape of a post, shared by list, show and the state-changing commands.</summary>
internal static class PostJson
{
    public static object From(Post post) => new
    {
        id = post.Id,
        account = post.Account,
        state = post.State,
        text = post.Text,
        scheduledAt = post.ScheduledAt,
        dueAt = post.DueAt,
        attempts = post.Attempts,
        platformPostId = post.PlatformPostId,
        platformUrl = post.PlatformUrl,
        experimentId = post.ExperimentId,
        variant = post.Variant,
        lastError = post.LastError,
        media = post.Media.Select(m => m.Path),
        mediaAlt = post.Media.Select(m => m.AltText), // each media file's alt text, at the same place as in media
        options = post.Options,
        groupId = post.GroupId,
        threadId = post.ThreadId,
        threadPart = post.ThreadPart == 0 ? (int?)null : post.ThreadPart,
        threadParts = post.ThreadParts == 0 ? (int?)null : post.ThreadParts,
        inReplyTo = post.InReplyTo,
    };

    public static string Colour(PostState state) => state switch
    {
        PostState.Published => "[green]Published[/]",
        PostState.Failed or PostState.Unconfirmed or PostState.Missed => $"[red]{state}[/]",
        PostState.Publishing => "[yellow]Publishing[/]",
        _ => state.ToString(),
    };
}
