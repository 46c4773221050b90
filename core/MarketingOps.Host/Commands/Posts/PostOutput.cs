using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>What a command that changed a post prints.</summary>
internal static class PostOutput
{
    public static int Changed(Post post, bool json)
    {
        if (json)
        {
            JsonOutput.Write(PostJson.From(post));
        }
        else
        {
            Console.Out.WriteLine($"{post.Id} is {post.State}{(post.State == PostState.Scheduled ? $", due {post.DueAt:yyyy-MM-dd HH:mm:ss} UTC" : "")}");
        }

        return ExitCodes.Success;
    }
}
