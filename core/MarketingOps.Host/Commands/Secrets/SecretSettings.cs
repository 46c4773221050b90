using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Secrets;

internal sealed class SecretSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The secret's name, e.g. x/acme/access-token (see the plugin's docs for the names it reads).")]
    public string Name { get; init; } = "";
}
