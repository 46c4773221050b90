using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post retry</c>: looks up an earlier attempt that may have landed, checks the draft again and schedules it now.</summary>
internal sealed class PostRetryCommand : PostCommand<PostIdSettings>
{
    // The platform's own rules are part of the guardrails' verdict, and the lookup goes through the plugin.
    protected override bool NeedsPlugins => true;

    protected override async Task<int> ExecuteAsync(PostService posts, PostIdSettings settings, CancellationToken cancellationToken) =>
        PostOutput.Changed(await posts.RetryAsync(settings.Id, cancellationToken), settings.Json, Times);
}
