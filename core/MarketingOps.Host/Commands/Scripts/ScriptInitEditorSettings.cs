using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptInitEditorSettings : GlobalSettings
{
    [CommandArgument(0, "[FOLDER]")]
    [Description("The folder your scripts live in. Default: the current folder.")]
    public string? Folder { get; init; }
}
