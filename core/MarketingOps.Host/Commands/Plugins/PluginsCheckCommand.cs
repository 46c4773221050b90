using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>
/// <c>mops plugins check</c>: loads and validates every plugin and its settings, and finds accounts without
/// credentials (with <c>--online</c>, credentials the platform refuses); exits non-zero on any problem; changes nothing.
/// </summary>
internal sealed class PluginsCheckCommand : HostedCommand<PluginsCheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PluginsCheckSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        var plugins = host.Services.GetRequiredService<PluginManager>();
        var problems = plugins.LoadAll().Select(p => p.ToString()).ToList();
        problems.AddRange(plugins.States
            .Where(s => s.Status is PluginStatus.NotSupported or PluginStatus.Malfunctioned)
            .Select(s => $"plugin {s.Id}: {s.Status}: {s.Reason}"));
        problems.AddRange(plugins.States
            .Where(s => s.Status != PluginStatus.Disabled)
            .SelectMany(s => PluginReferenceCheck.Check(s.Path).Select(c => $"plugin {s.Id}: reference conflict: {c}")));
        var accounts = await host.Services.GetRequiredService<AccountConnections>().ListAsync(verify: settings.Online, cancellationToken);
        problems.AddRange(accounts.Select(a => AccountProblem(a, settings.Online)).OfType<string>());

        var active = plugins.States.Count(s => s.Status == PluginStatus.Active);
        if (settings.Json)
        {
            JsonOutput.Write(new { ok = problems.Count == 0, plugins = plugins.States.Count, active, online = settings.Online, problems, accounts });
        }
        else
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"problem: {problem}");
            }

            Console.Out.WriteLine(problems.Count == 0
                ? $"ok: {plugins.States.Count} plugin(s) checked, {active} active; {Accounts(accounts, settings.Online)}"
                : $"{problems.Count} problem(s) in {plugins.States.Count} plugin(s) and {accounts.Count} account(s)");
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>What is wrong with an account's credentials, or null. Offline, stored credentials pass unchecked.</summary>
    private static string? AccountProblem(AccountConnectionStatus account, bool online)
    {
        var fix = $"connect it with `mops accounts connect {account.Account}` (or store its secrets with `mops secrets set`, as the plugin's documentation says)";
        return account.State switch
        {
            "not-connected" => $"account {account.Account} ({account.Platform}): no credentials are stored; {fix}",
            "expired" or "revoked" => $"account {account.Account} ({account.Platform}): its credentials are {account.State}{Because(account)}; {fix}",
            "unverified" when online => $"account {account.Account} ({account.Platform}): its credentials could not be checked{Because(account)}",
            _ => null,
        };
    }

    private static string Because(AccountConnectionStatus account) => account.Detail is { Length: > 0 } detail ? $" ({detail})" : "";

    private static string Accounts(IReadOnlyList<AccountConnectionStatus> accounts, bool online)
    {
        // Accounts of a plugin that connects none itself (the sandbox) need no credentials the host could check.
        var connectable = accounts.Count(a => a.State is not ("unsupported" or "inactive"));
        return connectable == 0 ? $"{accounts.Count} account(s), none with credentials to check"
            : online ? $"{accounts.Count} account(s), {connectable} verified with their platform"
            : $"{accounts.Count} account(s), {connectable} with stored credentials (not checked with the platforms; --online checks them)";
    }
}
