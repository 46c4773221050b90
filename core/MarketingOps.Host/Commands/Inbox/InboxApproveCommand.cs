using System.Globalization;
using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary><c>mops inbox approve</c>: checks the (edited) text again and hands it to publishing; exits 1 when the guardrails refuse.</summary>
internal sealed class InboxApproveCommand : EngineCommand<InboxApproveSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, InboxApproveSettings settings, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<IInbox>().ApproveAsync(settings.Id, Environment.UserName, settings.Edit, settings.Part, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(new { published = result.Published, item = InboxJson.From(result.Item) });
        }
        else if (result.Published)
        {
            if (result.Item.Parts.Count > 1)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"approved {result.Item.Id}: the thread of {result.Item.Parts.Count} parts goes out in order (posts {string.Join(", ", result.Item.Parts.Select(p => p.PostId))})");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"approved {result.Item.Id}: post {result.Item.PostId} goes out as {result.Item.Draft.Kind}");
            }
        }
        else
        {
            GuardrailTable.Write(result.Verdict, Times);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]not approved[/]: the guardrails reject {result.Item.Id}; it stays in the inbox (try --edit)");
        }

        return result.Published ? ExitCodes.Success : ExitCodes.Failure;
    }
}
