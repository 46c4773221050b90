using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post retry</c>.</summary>
internal sealed class PostRetryCommand : PostCommand<PostIdSettings>
{
    protected override async Task<int> ExecuteAsync(PostService posts, PostIdSettings settings, CancellationToken cancellationToken) =>
        PostOutput.Changed(await posts.RetryAsync(settings.Id, cancellationToken), settings.Json, Times);
}
