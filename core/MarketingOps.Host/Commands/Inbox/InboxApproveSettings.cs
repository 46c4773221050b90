using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

internal sealed class InboxApproveSettings : InboxIdSettings
{
    [CommandOption("--edit <TEXT>")]
    [Description("Send this text instead; it is checked by the guardrails again.")]
    public string? Edit { get; init; }

    [CommandOption("--part <N>")]
    [Description("For a held thread: the part --edit replaces (1 for the first); the other parts go as they are.")]
    public int? Part { get; init; }

    public override ValidationResult Validate() =>
        Edit is not null && string.IsNullOrWhiteSpace(Edit) ? ValidationResult.Error("--edit is empty; use `mops inbox reject` to drop the item")
        : Part is not null && Edit is null ? ValidationResult.Error("--part names the part --edit replaces; give --edit TEXT with it")
        : Part is < 1 ? ValidationResult.Error("--part counts from 1 (the first part of the thread)")
        : base.Validate();
}
