using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post …</c>: schedule posts and look after them.</summary>
internal static class PostCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("post", post =>
        {
            post.SetDescription("Schedule posts, list them, and look after failed or unconfirmed ones.");
            post.AddCommand<PostScheduleCommand>("schedule")
                .WithDescription("Schedule a post; the platform checks the text now. Prints the post id.")
                .WithExample("post", "schedule", "--account", "acme", "--at", "2026-03-30 09:30", "--text", "Spring is here")
                .WithExample("post", "schedule", "--account", "acme", "--at", "2026-03-30T09:30:00+02:00", "--file", "post.txt", "--media", "cat.png");
            post.AddCommand<PostImportCommand>("import")
                .WithDescription("Schedule many posts from a CSV or JSON file: all checked first, then all stored, or none with a line per problem.")
                .WithExample("post", "import", "posts.csv")
                .WithExample("post", "import", "posts.json", "--dry-run");
            post.AddCommand<PostListCommand>("list").WithDescription("List posts, by due time.").WithExample("post", "list", "--state", "Failed", "--json");
            post.AddCommand<PostShowCommand>("show").WithDescription("Show a post and every change of its state.").WithExample("post", "show", "ID");
            post.AddCommand<PostCancelCommand>("cancel").WithDescription("Withdraw a post that is not published.").WithExample("post", "cancel", "ID");
            post.AddCommand<PostRetryCommand>("retry").WithDescription("Publish a Failed post again (same idempotency key).").WithExample("post", "retry", "ID");
            post.AddCommand<PostResolveCommand>("resolve")
                .WithDescription("Settle an Unconfirmed post after checking the platform.")
                .WithExample("post", "resolve", "ID", "--published", "https://example.social/@acme/123")
                .WithExample("post", "resolve", "ID", "--not-published");
        });
}
