using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Accounts;

internal sealed class AccountsListSettings : JsonSettings
{
    [CommandOption("--offline")]
    [Description("Show what is stored without asking the platforms (the state is then 'unverified' for stored credentials).")]
    public bool Offline { get; init; }
}
