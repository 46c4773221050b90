using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post cancel</c>.</summary>
internal sealed class PostCancelCommand : PostCommand<PostIdSettings>
{
    protected override async Task<int> ExecuteAsync(PostService posts, PostIdSettings settings, CancellationToken cancellationToken) =>
        PostOutput.Changed(await posts.CancelAsync(settings.Id, cancellationToken), settings.Json, Times);
}
