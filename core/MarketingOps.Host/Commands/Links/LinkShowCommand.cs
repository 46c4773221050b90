using System.Globalization;
using MarketingOps.Core.Links;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Links;

/// <summary><c>mops links show</c>: one short link, its counts, and the bots counted apart by name.</summary>
internal sealed class LinkShowCommand : EngineCommand<LinkShowSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, LinkShowSettings settings, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<LinkStore>();
        if (!ShortCodes.IsWellFormed(settings.Code) || await store.GetAsync(settings.Code, cancellationToken) is not { } link)
        {
            throw new UserFacingException($"no short link '{settings.Code}'; `mops links list` shows the codes");
        }

        var bots = await store.CountBotHitsAsync(settings.Code, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { link, botHitsByAgent = bots });
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value ?? "-"));
        Row("Short link", link.ShortUrl);
        Row("Leads to", link.TargetUrl);
        Row("Written as", link.OriginalUrl);
        Row("Post", $"{link.PostId} ({link.PostState}) on {link.Account}");
        Row("Experiment", link.ExperimentId is null ? null : $"{link.ExperimentId} / {link.Variant}");
        Row("Created", Times.Labelled(link.CreatedAt, link.Account));
        Row("Clicks", link.Clicks.ToString(CultureInfo.InvariantCulture));
        Row("Last click", link.LastClickAt is { } at ? Times.Labelled(at, link.Account) : null);
        Row("Bots", link.BotHits.ToString(CultureInfo.InvariantCulture));
        foreach (var (agent, hits) in bots)
        {
            Row("  " + agent, hits.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(grid);
        return ExitCodes.Success;
    }
}
