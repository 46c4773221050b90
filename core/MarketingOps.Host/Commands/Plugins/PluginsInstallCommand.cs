using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary><c>mops plugins install SOURCE</c>: checks a third party's plugin and puts it into <c>plugins/&lt;id&gt;/&lt;version&gt;/</c>.</summary>
internal sealed class PluginsInstallCommand : AsyncCommand<PluginsInstallSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PluginsInstallSettings settings, CancellationToken cancellationToken)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        InstallResult result;
        try
        {
            result = new InstalledPlugins(folder.Root).Install(settings.Source);
        }
        catch (PluginInstallException e)
        {
            throw new UserFacingException($"not installed: {e.Message}");
        }

        var manifest = result.Manifest;
        Console.Out.WriteLine($"installed {manifest.Id} {manifest.Version} ({manifest.Kind.ToString().ToLowerInvariant()}, SDK {manifest.SdkRange}) into {Path.GetRelativePath(folder.Root, result.Directory)}");
        Console.Out.WriteLine($"plugins.json: \"{manifest.Id}\" now loads from \"{result.RelativePath}\"");
        if (result.Previous is not null)
        {
            Console.Out.WriteLine($"the older version stays in {Path.GetRelativePath(folder.Root, result.Previous)} until the host runs the new one (restart `mops run`); it is removed then");
        }

        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"warning: reference conflict: {warning}");
        }

        var home = settings.Home is null ? "" : $" --home {settings.Home}";
        Console.Out.WriteLine(manifest.Kind == Sdk.PluginKind.Platform
            ? $"next: add the client's accounts to its entry in plugins.json (\"accounts\": [ {{ \"name\": \"...\", \"timeZone\": \"...\" }} ]), set its secrets with `mops secrets set`, then `mops plugins check{home}`"
            : $"next: `mops plugins check{home}`");
        return Task.FromResult(ExitCodes.Success);
    }
}
