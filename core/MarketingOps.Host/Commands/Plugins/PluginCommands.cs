using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

internal static class PluginCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("plugins", plugins =>
        {
            plugins.SetDescription("List, check, install, try and remove the plugins of plugins.json.");
            plugins.AddCommand<PluginsListCommand>("list").WithDescription("Every plugin with id, version, kind, status and reason.");
            plugins.AddCommand<PluginsCheckCommand>("check").WithDescription("Load and validate every plugin and its settings; non-zero exit on any problem.");
            plugins.AddCommand<PluginsInstallCommand>("install").WithDescription("Check a plugin (.nupkg or folder) and install it into plugins/<id>/<version>/ of the client folder.");
            plugins.AddCommand<PluginsTryCommand>("try").WithDescription("Validate a draft with a platform plugin; with --publish also publish it through the host (guardrails included), look it up and fetch its metrics.");
            plugins.AddCommand<PluginsRemoveCommand>("remove").WithDescription("Remove a plugin's entry from plugins.json and its installed folder.");
        });
}
