using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal class UserNameSettings : JsonSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The user's name.")]
    public string Name { get; init; } = string.Empty;
}
