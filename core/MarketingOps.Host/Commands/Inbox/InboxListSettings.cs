using System.ComponentModel;
using MarketingOps.Core.Inbox;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal sealed class InboxListSettings : TimeSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Pending, Approved, Rejected or SentUnattended. Default: Pending.")]
    public string? Status { get; init; }

    [CommandOption("--all")]
    [Description("Every item, whatever its status.")]
    public bool All { get; init; }

    public InboxItemStatus? ParsedStatus => EnumOption.Parse<InboxItemStatus>(Status, "--status", "status");

    public override ValidationResult Validate() =>
        EnumOption.Problem<InboxItemStatus>(Status, "--status", "status") is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
