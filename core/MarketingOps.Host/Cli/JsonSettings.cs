using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>Options of a command whose output a machine may read.</summary>
internal class JsonSettings : GlobalSettings
{
    [CommandOption("--json")]
    [Description("Print machine-readable JSON instead of a table.")]
    public bool Json { get; init; }
}
