using System.Globalization;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Links;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Links;

/// <summary><c>mops links list</c>: rewritten links with the clicks the host counted.</summary>
internal sealed class LinkListCommand : EngineCommand<LinkListSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, LinkListSettings settings, CancellationToken cancellationToken)
    {
        var links = await services.GetRequiredService<LinkStore>().ListAsync(
            new LinkQuery { Account = settings.Account, PostId = settings.Post, ExperimentId = settings.Experiment, Limit = settings.Limit },
            cancellationToken);
        if (links.Count == 0 && await MissingAsync(services, settings, cancellationToken) is { } missing)
        {
            // An id that names nothing is a mistake to say, not an empty list that suggests the links are not set up.
            throw new UserFacingException(missing);
        }

        if (settings.Json)
        {
            JsonOutput.Write(links);
            return ExitCodes.Success;
        }

        if (links.Count == 0)
        {
            Console.Error.WriteLine("no rewritten links" + ((settings.Account ?? settings.Post ?? settings.Experiment) is null ? "" : " match") +
                "; links are tagged or shortened when mops.json sets Links:Tag or Links:ShortBaseUrl");
            return ExitCodes.Success;
        }

        var created = Times.Column("Created", links.Select(l => l.Account));
        var table = new Table().AddColumns(created.Header, "Post", "Variant", "Short link", "Leads to", "Clicks", "Bots");
        foreach (var link in links)
        {
            table.AddRow(
                created.Cell(link.CreatedAt, link.Account),
                Markup.Escape($"{link.PostId} ({link.PostState})"),
                Markup.Escape(link.Variant ?? "-"),
                Markup.Escape(link.ShortUrl ?? "-"),
                Markup.Escape(link.TargetUrl),
                link.Code is null ? "-" : link.Clicks.ToString(CultureInfo.InvariantCulture),
                link.Code is null ? "-" : link.BotHits.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("Clicks: people's requests of the short link; bots, link previews and HEAD requests are counted apart.");
        return ExitCodes.Success;
    }

    /// <summary>What a filter names that does not exist, if anything.</summary>
    private static async Task<string?> MissingAsync(IServiceProvider services, LinkListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Post is { } post && await services.GetRequiredService<PostService>().FindAsync(post, cancellationToken) is null)
        {
            return $"--post: no post with id '{post}'; `mops post list` shows the ids";
        }

        if (settings.Experiment is { } experiment && await services.GetRequiredService<IExperimentStore>().FindAsync(experiment, cancellationToken) is null)
        {
            return $"--experiment: no experiment '{experiment}'; `mops experiment list` shows them";
        }

        if (settings.Account is { } account && services.GetRequiredService<PluginManager>().FindAccount(account) is null)
        {
            return $"--account: no account named '{account}' in plugins.json";
        }

        return null;
    }
}
