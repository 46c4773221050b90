using MarketingOps.Core.Secrets;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Secrets;

/// <summary><c>mops secrets remove NAME</c>.</summary>
internal sealed class SecretsRemoveCommand : AsyncCommand<SecretSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SecretSettings settings, CancellationToken cancellationToken)
    {
        using var store = new ClientSecretStore(ClientFolder.Resolve(settings.Home).Root);
        if (!store.Remove(settings.Name))
        {
            throw new UserFacingException($"no secret named \"{settings.Name}\"; `mops secrets list` shows the names stored");
        }

        Console.Out.WriteLine($"removed {settings.Name}");
        return Task.FromResult(ExitCodes.Success);
    }
}
