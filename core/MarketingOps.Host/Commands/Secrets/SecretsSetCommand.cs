using MarketingOps.Core.Secrets;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Secrets;

/// <summary><c>mops secrets set NAME</c>: reads the value without echo (or one line from piped input) and stores it encrypted.</summary>
internal sealed class SecretsSetCommand : AsyncCommand<SecretSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SecretSettings settings, CancellationToken cancellationToken)
    {
        if (SecretName.Problem(settings.Name) is { } problem)
        {
            throw new UserFacingException($"secret name \"{settings.Name}\": {problem}");
        }

        var value = Console.IsInputRedirected
            ? Console.In.ReadLine()
            : AnsiConsole.Prompt(new TextPrompt<string>($"Value for [blue]{Markup.Escape(settings.Name)}[/]:").Secret());
        if (string.IsNullOrEmpty(value))
        {
            throw new UserFacingException("no value given; nothing was stored");
        }

        using var store = new ClientSecretStore(ClientFolder.Resolve(settings.Home).Root);
        store.Set(settings.Name, value);
        Console.Out.WriteLine($"stored {settings.Name} (encrypted in {store.FilePath})");
        return Task.FromResult(ExitCodes.Success);
    }
}
