using MarketingOps.Host.Commands.Access;
using MarketingOps.Host.Commands.Accounts;
using MarketingOps.Host.Commands.Experiments;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Commands.Inbox;
using MarketingOps.Host.Commands.Init;
using MarketingOps.Host.Commands.Links;
using MarketingOps.Host.Commands.Plugins;
using MarketingOps.Host.Commands.Posts;
using MarketingOps.Host.Commands.Reports;
using MarketingOps.Host.Commands.Scripts;
using MarketingOps.Host.Commands.Secrets;
using MarketingOps.Host.Commands.Stats;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>
/// The commands of <c>mops</c>, in groups by the top-level names each group registers. Spectre reflects over the
/// settings of every registered command on each call, so a call that starts with a group's name
/// (<c>mops post list …</c>) registers that group only; anything else (help, a typo, an option first) gets them all.
/// </summary>
internal static class CommandTree
{
    /// <summary>Each group: the top-level names it registers, and how.</summary>
    internal static IReadOnlyList<(string[] Names, Action<IConfigurator> Register)> Groups { get; } =
    [
        (["init"], config => config.AddCommand<InitCommand>("init").WithDescription("Create a client folder: plugins.json (by plugin id), mops.json with the defaults, .gitignore; prints the next steps.")),
        (["plugins"], PluginCommands.Register),
        (["run", "demo"], HostCommands.Register),
        (["stats"], StatsCommands.Register),
        (["experiment"], ExperimentCommands.Register),
        (["post"], PostCommands.Register),
        (["secrets"], SecretCommands.Register),
        (["guardrails"], GuardrailCommands.Register),
        (["inbox"], InboxCommands.Register),
        (["report"], ReportCommands.Register),
        (["links"], LinkCommands.Register),
        (["script"], ScriptCommands.Register),
        (["users", "tokens"], AccessCommands.Register),
        (["accounts"], AccountCommands.Register),
    ];

    public static void Register(IConfigurator config, IReadOnlyList<string> arguments)
    {
        foreach (var (names, register) in Groups)
        {
            if (arguments.Count > 0 && names.Contains(arguments[0], StringComparer.Ordinal))
            {
                register(config);
                return;
            }
        }

        foreach (var (_, register) in Groups)
        {
            register(config);
        }
    }
}
