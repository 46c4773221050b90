using System.Globalization;
using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary><c>mops inbox list</c>: what waits for a person, oldest first.</summary>
internal sealed class InboxListCommand : EngineCommand<InboxListSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, InboxListSettings settings, CancellationToken cancellationToken)
    {
        InboxItemStatus? status = settings.All ? null : settings.ParsedStatus ?? InboxItemStatus.Pending;
        var items = await services.GetRequiredService<IInbox>().ListAsync(status, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(items.Select(InboxJson.From));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Id", "Account", "For", "Why", "Verdict", "Text");
        foreach (var item in items)
        {
            table.AddRow(
                new Text(item.Id),
                new Text(item.Account),
                new Text(item.Draft.Recipient is { } to ? "@" + to : item.Parts.Count > 1 ? $"(public thread of {item.Parts.Count} parts)" : "(public post)"),
                new Text(Shorten(item.Trigger, 40)),
                new Markup(GuardrailTable.Colour(item.Verdict.Outcome)),
                new Text(Shorten(item.Draft.Text, 50)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{items.Count} item{(items.Count == 1 ? "" : "s")}{(status is null ? "" : $" {status.Value.ToString().ToLowerInvariant()}")}; `mops inbox show ID` explains one");
        return ExitCodes.Success;
    }

    private static string Shorten(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > length ? flat[..(length - 1)] + "…" : flat;
    }
}
