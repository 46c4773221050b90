using MarketingOps.Core.Secrets;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Secrets;

/// <summary><c>mops secrets list</c>: names only, never values.</summary>
internal sealed class SecretsListCommand : AsyncCommand<JsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        using var store = new ClientSecretStore(ClientFolder.Resolve(settings.Home).Root);
        var names = store.ListNames();
        if (settings.Json)
        {
            JsonOutput.Write(new { secrets = names });
        }
        else
        {
            foreach (var name in names)
            {
                Console.Out.WriteLine(name);
            }
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
