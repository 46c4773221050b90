using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Posts;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Guardrails;

/// <summary><c>mops guardrails check</c>: explains what every rule says about a text, without scheduling or recording anything.</summary>
internal sealed class GuardrailsCheckCommand : EngineCommand<GuardrailsCheckSettings>
{
    protected override async Task<int> ExecuteAsync(IServiceProvider services, GuardrailsCheckSettings settings, CancellationToken cancellationToken)
    {
        var request = DraftRequest.From(settings);
        var verdict = await services.GetRequiredService<PostService>().ExplainAsync(request, cancellationToken);

        if (settings.Json)
        {
            JsonOutput.Write(new { account = settings.Account, kind = request.Kind, outcome = verdict.Outcome, results = verdict.Results });
        }
        else
        {
            GuardrailTable.Write(verdict, Times);
            AnsiConsole.MarkupLine($"verdict: {GuardrailTable.Colour(verdict.Outcome)} (nothing was scheduled)");
        }

        return verdict.Outcome == GuardrailOutcome.Reject ? ExitCodes.Failure : ExitCodes.Success;
    }
}
