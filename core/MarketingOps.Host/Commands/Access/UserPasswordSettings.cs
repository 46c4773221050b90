using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal class UserPasswordSettings : UserNameSettings
{
    [CommandOption("--generate-password")]
    [Description("Generate a strong password and print it once, instead of reading one.")]
    public bool GeneratePassword { get; init; }
}
