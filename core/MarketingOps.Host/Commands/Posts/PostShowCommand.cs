using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post show</c>: a post and its whole history.</summary>
internal sealed class PostShowCommand : PostCommand<PostIdSettings>
{
    protected override async Task<int> ExecuteAsync(PostService posts, PostIdSettings settings, CancellationToken cancellationToken)
    {
        var details = await posts.ShowAsync(settings.Id, cancellationToken);
        var post = details.Post;
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                post = PostJson.From(post),
                history = details.History,
                group = details.Group.Select(PostJson.From),
                thread = details.Thread.Select(PostJson.From),
                links = details.Links,
            });
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value ?? "-"));
        Row("Id", post.Id);
        Row("Account", post.Account);
        grid.AddRow(new Markup("[bold]State[/]"), new Markup(PostJson.Colour(post.State)));
        Row("Scheduled", Times.Labelled(post.ScheduledAt, post.Account));
        Row("Due", Times.Labelled(post.DueAt, post.Account));
        Row("Attempts", post.Attempts.ToString(CultureInfo.InvariantCulture));
        Row("Platform id", post.PlatformPostId);
        Row("URL", post.PlatformUrl?.ToString());
        Row("Experiment", post.ExperimentId is null ? null : $"{post.ExperimentId} / {post.Variant}");
        Row("Last error", post.LastError);
        Row("Text", post.Text);
        foreach (var media in post.Media)
        {
            Row("Media", media.AltText is null ? $"{media.Path} (no alt text)" : $"{media.Path} (alt: {media.AltText})");
        }

        foreach (var (name, value) in post.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Row("Option", $"{name} = {value}");
        }

        if (details.Links is { } links)
        {
            Row("Written as", links.OriginalText);
            Row("Links", links.Summary);
        }

        AnsiConsole.Write(grid);
        if (details.Links is { Links.Count: > 0 } rewritten)
        {
            var table = new Table().AddColumns("Link as written", "Leads to", "Short link", "Clicks", "Bots");
            foreach (var link in rewritten.Links)
            {
                table.AddRow(
                    Markup.Escape(link.OriginalUrl),
                    Markup.Escape(link.TargetUrl),
                    Markup.Escape(link.ShortUrl ?? "-"),
                    link.Code is null ? "-" : link.Clicks.ToString(CultureInfo.InvariantCulture),
                    link.Code is null ? "-" : link.BotHits.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }

        var at = Times.Column("At", [post.Account]);
        var history = new Table().AddColumns(at.Header, "From", "To", "Reason");
        foreach (var step in details.History)
        {
            history.AddRow(
                at.Cell(step.At, post.Account),
                step.From?.ToString() ?? "-",
                PostJson.Colour(step.To),
                Markup.Escape(step.Reason));
        }

        AnsiConsole.Write(history);
        WriteParts("Group", details.Group, details.Post, p => p.Account);
        WriteParts("Thread", details.Thread, details.Post, p => p.ThreadPart.ToString(CultureInfo.InvariantCulture));
        if (PostThreads.Stopped(details.Thread) is { } stopped)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(stopped)}[/]");
        }

        return ExitCodes.Success;
    }

    private void WriteParts(string title, IReadOnlyList<Post> posts, Post shown, Func<Post, string> key)
    {
        if (posts.Count == 0)
        {
            return;
        }

        var at = Times.Column("Due", [.. posts.Select(p => p.Account)]);
        var table = new Table { Title = new TableTitle(title) }.AddColumns(title == "Group" ? "Account" : "Part", "Id", "State", at.Header, "Platform id", "Last error");
        foreach (var post in posts)
        {
            table.AddRow(
                new Text(key(post) + (post.Id == shown.Id ? " *" : "")),
                new Text(post.Id),
                new Markup(PostJson.Colour(post.State)),
                new Text(at.Cell(post.DueAt, post.Account)),
                new Text(post.PlatformPostId ?? "-"),
                new Text(post.LastError ?? "-"));
        }

        AnsiConsole.Write(table);
    }
}
