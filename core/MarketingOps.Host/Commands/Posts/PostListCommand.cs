using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary><c>mops post list</c>: posts by due time, as a table or JSON, read without building the host (see <see cref="ClientStore"/>).</summary>
internal sealed class PostListCommand : AsyncCommand<PostListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PostListSettings settings, CancellationToken cancellationToken)
    {
        await using var store = ClientStore.Open(settings);
        var list = await store.Posts.ListAsync(new PostQuery(settings.ParsedState, AccountOf(settings.Account, store), settings.Limit), cancellationToken);
        if (list.Count == 0 && settings.Account is { } account && !store.Accounts.ContainsKey(account))
        {
            // A typo must not read as "nothing is scheduled". An account gone from plugins.json still lists its posts.
            throw new UserFacingException($"--account: no account named '{account}'; configured accounts: {(store.Accounts.Count == 0 ? "none" : string.Join(", ", store.Accounts.Keys.Order(StringComparer.Ordinal)))}");
        }

        if (settings.Json)
        {
            JsonOutput.Write(list.Select(PostJson.From));
            return ExitCodes.Success;
        }

        var times = TimeDisplay.From(settings, a => store.Accounts.GetValueOrDefault(a)?.TimeZone);
        var due = times.Column("Due", list.Select(p => (string?)p.Account));
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

    // Account names are matched as plugins.json spells them, whatever the case typed (as every other command does).
    private static string? AccountOf(string? typed, ClientStore store) =>
        typed is not null && store.Accounts.TryGetValue(typed, out var account) ? account.Name : typed;
}
