using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary><c>mops inbox show</c>: who an item is for, why it was proposed, what the guardrails said and every decision.</summary>
internal sealed class InboxShowCommand : EngineCommand<InboxIdSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, InboxIdSettings settings, CancellationToken cancellationToken)
    {
        var item = await services.GetRequiredService<IInbox>().GetAsync(settings.Id, cancellationToken)
            ?? throw new UserFacingException($"no inbox item '{settings.Id}'; `mops inbox list --all` shows the ids");
        if (settings.Json)
        {
            JsonOutput.Write(InboxJson.From(item));
            return ExitCodes.Success;
        }

        Write(item, Times);
        return ExitCodes.Success;
    }

    public static void Write(InboxItem item, TimeDisplay times)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value ?? "-"));
        Row("Id", item.Id);
        Row("Status", item.Status.ToString());
        Row("From", $"{item.Account} on {item.Platform}");
        Row("For", item.Draft.Recipient is { } to ? $"@{to} ({item.Draft.Kind})" : $"everyone ({item.Draft.Kind})");
        Row("In reply to", item.Draft.InReplyTo);
        Row("Proposed by", $"{item.Source} at {times.Labelled(item.ProposedAt, item.Account)}");
        Row("Why", item.Trigger);
        foreach (var (fact, value) in item.Facts)
        {
            Row($"  {fact}", value);
        }

        Row("Send at", item.SendAt is { } at ? times.Labelled(at, item.Account) : "as soon as approved");
        if (item.Parts.Count > 1)
        {
            // A thread is decided as one: every part is shown, in the order it will be published.
            Row("Thread", $"{item.Parts.Count} parts, approved or rejected together");
            AnsiConsole.Write(grid);
            foreach (var part in item.Parts.OrderBy(p => p.Part))
            {
                var parts = new Grid().AddColumn().AddColumn();
                parts.AddRow(new Markup($"[bold]Part {part.Part} of {item.Parts.Count}[/]"), new Text($"post {part.PostId}{(part.HeldBecause is null ? string.Empty : "; held: " + part.HeldBecause)}"));
                parts.AddRow(new Text(string.Empty), new Text(part.Draft.Text));
                AnsiConsole.Write(parts);
                if (part.Verdict is { } verdict && verdict.Concerns.Any())
                {
                    GuardrailTable.Write(verdict, times);
                }
            }
        }
        else
        {
            Row("Post", item.PostId);
            Row("Text", item.Draft.Text);
            AnsiConsole.Write(grid);
            GuardrailTable.Write(item.Verdict, times);
        }

        foreach (var decision in item.Decisions)
        {
            AnsiConsole.WriteLine($"{times.Labelled(decision.At, item.Account)} {decision.Action} by {decision.By}{(decision.Reason is null ? "" : ": " + decision.Reason)}{EditNote(decision)}");
        }
    }

    private static string EditNote(InboxDecision decision) => decision switch
    {
        { EditedParts: { Count: > 0 } parts } => $" (parts {string.Join(", ", parts.Select(p => p.Part))} edited)",
        { EditedText: null } => "",
        { EditedPart: { } part } => $" (part {part} edited)",
        _ => " (edited)",
    };
}
