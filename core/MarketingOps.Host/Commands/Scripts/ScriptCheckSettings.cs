using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptCheckSettings : ScriptFileSettings
{
    [CommandOption("--json")]
    [Description("Print the diagnostics as JSON on stdout (file, line, column, severity, id, message) instead of text on stderr.")]
    public bool Json { get; init; }
}
