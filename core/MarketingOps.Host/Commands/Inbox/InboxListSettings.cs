using System.ComponentModel;
using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal sealed class InboxListSettings : TimeSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Pending, Approved, Rejected or SentUnattended. Default: Pending.")]
    public InboxItemStatus? Status { get; init; }

    [CommandOption("--all")]
    [Description("Every item, whatever its status.")]
    public bool All { get; init; }
}
