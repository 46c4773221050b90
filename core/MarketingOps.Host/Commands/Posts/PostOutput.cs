using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>What a command that changed a post prints.</summary>
internal static class PostOutput
{
    public static int Changed(Post post, bool json, TimeDisplay times)
    {
        if (json)
        {
            JsonOutput.Write(PostJson.From(post));
        }
        else
        {
            Console.Out.WriteLine($"{post.Id} is {post.State}{(post.State == PostState.Scheduled ? $", due {times.Labelled(post.DueAt, post.Account)}" : "")}");
        }

        return ExitCodes.Success;
    }
}
