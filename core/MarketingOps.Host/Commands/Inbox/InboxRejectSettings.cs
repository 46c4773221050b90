using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal sealed class InboxRejectSettings : InboxIdSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why; recorded with your user name and the time.")]
    public string? Reason { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason is required") : base.Validate();
}
