using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal sealed class InboxApproveSettings : InboxIdSettings
{
    [CommandOption("--edit <TEXT>")]
    [Description("Send this text instead; it is checked by the guardrails again.")]
    public string? Edit { get; init; }

    public override ValidationResult Validate() =>
        Edit is not null && string.IsNullOrWhiteSpace(Edit) ? ValidationResult.Error("--edit is empty; use `mops inbox reject` to drop the item") : base.Validate();
}
