using MarketingOps.Core.Posts;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post resolve</c>: a human's verdict on an Unconfirmed post.</summary>
internal sealed class PostResolveCommand : PostCommand<PostResolveSettings>
{
    // The account's plugin reads the post id from the address.
    protected override bool NeedsPlugins => true;

    protected override async Task<int> ExecuteAsync(PostService posts, PostResolveSettings settings, CancellationToken cancellationToken)
    {
        Uri? url = null;
        if (settings.Published is not null && !Uri.TryCreate(settings.Published, UriKind.Absolute, out url))
        {
            throw new Cli.UsageException($"--published: '{settings.Published}' is not a URL");
        }

        return PostOutput.Changed(await posts.ResolveAsync(settings.Id, url, cancellationToken), settings.Json, Times);
    }
}
