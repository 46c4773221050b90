using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Accounts;

/// <summary><c>mops accounts list</c>: each account's platform, handle, connection state, scopes and token expiry.</summary>
internal sealed class AccountsListCommand : HostedCommand<AccountsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountsListSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        host.Services.GetRequiredService<PluginManager>().LoadAll();
        try
        {
            var statuses = await host.Services.GetRequiredService<AccountConnections>().ListAsync(verify: !settings.Offline, cancellationToken);
            AccountsOutput.List(statuses, settings.Json);
            return ExitCodes.Success;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
