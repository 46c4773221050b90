using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

internal sealed class PluginsTrySettings : JsonSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The platform plugin's id, as plugins.json names it.")]
    public string Id { get; init; } = "";

    [CommandOption("--account <NAME>")]
    [Description("The account on that platform to try it with, as plugins.json names it.")]
    public string Account { get; init; } = "";

    [CommandOption("--text <TEXT>")]
    [Description("The draft's text. Default: a short test text with the current time, so that repeated tries are no duplicates.")]
    public string? Text { get; init; }

    [CommandOption("--publish")]
    [Description("Also publish the draft now through the host's publishing path (guardrails included), look it up and fetch its metrics.")]
    public bool Publish { get; init; }
}
