using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal class InboxIdSettings : TimeSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The item's id, as `mops inbox list` shows it.")]
    public string Id { get; init; } = "";
}
