using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal class ScriptFileSettings : GlobalSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The script, a .csx file.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--timeout <DURATION>")]
    [Description("Stop the script after this long: 90s, 5m, 1h, 500ms or 00:05:00. Default: 5m.")]
    public string? Timeout { get; init; }

    public TimeSpan? ParsedTimeout => Timeout is null ? null : Duration.Parse(Timeout, "--timeout");
}
