using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post list</c>: posts by due time, as a table or JSON.</summary>
internal sealed class PostListCommand : PostCommand<PostListSettings>
{
    protected override async Task<int> ExecuteAsync(PostService posts, PostListSettings settings, CancellationToken cancellationToken)
    {
        var list = await posts.ListAsync(new PostQuery(settings.State, settings.Account, settings.Limit), cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(list.Select(PostJson.From));
            return ExitCodes.Success;
        }

        var due = Times.Column("Due", list.Select(p => (string?)p.Account));
        var table = new Table().AddColumns("Id", "Account", due.Header, "State", "Attempts", "Text / last error");
        foreach (var post in list)
        {
            var detail = post.State is PostState.Failed or PostState.Unconfirmed or PostState.Missed && post.LastError is not null ? post.LastError : post.Text;
            table.AddRow(
                post.Id,
                Markup.Escape(post.Account),
                due.Cell(post.DueAt, post.Account),
                PostJson.Colour(post.State),
                post.Attempts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(detail.Length > 60 ? detail[..57] + "..." : detail));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{list.Count} post{(list.Count == 1 ? "" : "s")}");
        return ExitCodes.Success;
    }
}
