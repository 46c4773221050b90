using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary><c>mops plugins remove ID</c>: drops the plugin's entry from <c>plugins.json</c> and its installed folder.</summary>
internal sealed class PluginsRemoveCommand : AsyncCommand<PluginIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PluginIdSettings settings, CancellationToken cancellationToken)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        if (!new InstalledPlugins(folder.Root).Remove(settings.Id))
        {
            throw new UserFacingException($"no plugin \"{settings.Id}\" in {folder.PluginsFile} or {Path.Combine(folder.Root, PluginLocator.ClientPluginsFolder)}; `mops plugins list` shows the ids");
        }

        Console.Out.WriteLine($"removed {settings.Id} (a running host keeps it until it restarts)");
        return Task.FromResult(ExitCodes.Success);
    }
}
