using System.Text.RegularExpressions;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Init;

/// <summary><c>mops init [DIR]</c>: creates a client folder that <c>mops plugins check</c> passes at once.</summary>
internal sealed partial class InitCommand : AsyncCommand<InitSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Directory ?? settings.Home ?? Directory.GetCurrentDirectory());
        var client = settings.Client ?? Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        if (!NamePattern().IsMatch(client))
        {
            throw new UsageException($"\"{client}\" cannot name a client's accounts: use letters, digits, '.', '-' and '_' (give --client NAME)");
        }

        var platforms = settings.Platforms.Length == 0 ? ["sandbox"] : settings.Platforms.Select(p => p.Trim().ToLowerInvariant()).Distinct().ToList();
        var unknown = platforms.Where(p => !ClientFolderTemplate.Platforms.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"--platform: '{string.Join("', '", unknown)}' is not a platform that ships with mops; choose from {string.Join(", ", ClientFolderTemplate.Platforms)} (install others with `mops plugins install` afterwards)");
        }

        var zone = settings.TimeZone ?? TimeZoneInfo.Local.Id;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) || zone == "Local")
        {
            throw new UsageException($"--time-zone: '{zone}' is not a known IANA time zone (for example Europe/Berlin)");
        }

        var folder = new ClientFolder(root);
        if (File.Exists(folder.PluginsFile))
        {
            throw new UserFacingException($"{folder.PluginsFile} already exists; nothing was changed (a client folder is created once; edit plugins.json, or use `mops plugins install`)");
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(folder.PluginsFile, ClientFolderTemplate.PluginsJson(client, platforms, zone));
        var port = "";
        if (!File.Exists(folder.SettingsFile))
        {
            var free = Web.ListenCheck.PickFreePort();
            File.WriteAllText(folder.SettingsFile, ClientFolderTemplate.SettingsJson(free));
            port = $"; the API and dashboard on http://127.0.0.1:{free}";
        }

        var gitIgnore = Path.Combine(root, ".gitignore");
        if (!File.Exists(gitIgnore))
        {
            File.WriteAllText(gitIgnore, ClientFolderTemplate.GitIgnore);
        }

        var shown = DisplayPath.Of(root);
        var home = shown == "." ? "" : shown.Any(char.IsWhiteSpace) ? $" --home \"{shown}\"" : $" --home {shown}";
        Console.Out.WriteLine($"created the client folder {root} for \"{client}\": plugins.json ({string.Join(", ", platforms)}; plugins found by id, no paths), mops.json (every default written out{port}), .gitignore");
        Console.Out.WriteLine("next steps:");
        var step = 1;
        foreach (var platform in platforms)
        {
            var account = ClientFolderTemplate.AccountName(client, platform, platforms.Count);
            if (platform == "mastodon")
            {
                Console.Out.WriteLine($"  {step++}. set the account's instanceUrl in plugins.json (now https://mastodon.social/)");
            }

            if (ClientFolderTemplate.ConnectHint(platform) is { } hint)
            {
                Console.Out.WriteLine($"  {step++}. mops accounts connect {account}{home}   ({hint}; see docs/plugins/{platform}.md)");
                continue;
            }

            foreach (var secret in ClientFolderTemplate.Secrets(platform, account))
            {
                Console.Out.WriteLine($"  {step++}. mops secrets set {secret}{home}   (see docs/plugins/{platform}.md)");
            }
        }

        var first = ClientFolderTemplate.AccountName(client, platforms[0], platforms.Count);
        Console.Out.WriteLine($"  {step++}. mops plugins check{home}");
        Console.Out.WriteLine($"  {step++}. mops post schedule --account {first} --at \"{TimeProvider.System.GetLocalNow().AddDays(1):yyyy-MM-dd} 09:30\" --text \"Hello\"{home}");
        Console.Out.WriteLine($"  {step}. mops run{home}   (docs/operations.md: running it as a service, backups, PostgreSQL)");
        if (PluginLocator.BundledIds().Count == 0)
        {
            Console.Error.WriteLine("warning: this mops carries no plugins (a development build before `dotnet build MarketingOps.sln`?); `mops plugins check` will say what is missing");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
