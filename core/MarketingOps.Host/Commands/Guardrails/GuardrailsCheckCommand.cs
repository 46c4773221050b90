using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
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
        var text = settings.Text ?? await ReadFileAsync(settings.File!, cancellationToken);
        var draft = new PostDraft(text) { Kind = UnattendedPolicy.ParseKind(settings.Kind)!.Value, Recipient = settings.To };
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var message = new OutgoingMessage($"check-{Guid.NewGuid():N}", settings.Account!, draft, now, MessageOrigin.Hand);
        var verdict = await services.GetRequiredService<IGuardrails>().ExplainAsync(message, cancellationToken);

        if (settings.Json)
        {
            JsonOutput.Write(new { account = settings.Account, kind = draft.Kind, outcome = verdict.Outcome, results = verdict.Results });
        }
        else
        {
            GuardrailTable.Write(verdict);
            AnsiConsole.MarkupLine($"verdict: {GuardrailTable.Colour(verdict.Outcome)} (nothing was scheduled)");
        }

        return verdict.Outcome == GuardrailOutcome.Reject ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return PostText.FromFile(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"--file: cannot read {path}: {ex.Message}");
        }
    }
}
