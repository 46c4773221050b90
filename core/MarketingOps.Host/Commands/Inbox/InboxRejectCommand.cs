using System.Globalization;
using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary><c>mops inbox reject</c>: drops an item with a reason, recorded with who and when.</summary>
internal sealed class InboxRejectCommand : EngineCommand<InboxRejectSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, InboxRejectSettings settings, CancellationToken cancellationToken)
    {
        var item = await services.GetRequiredService<IInbox>().RejectAsync(settings.Id, Environment.UserName, settings.Reason!, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(InboxJson.From(item));
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"rejected {item.Id}: {settings.Reason}");
        }

        return ExitCodes.Success;
    }
}
