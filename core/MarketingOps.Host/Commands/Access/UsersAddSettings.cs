using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal sealed class UsersAddSettings : UserPasswordSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("owner (everything, users, tokens), editor (compose, schedule, experiments), approver (the inbox and read-only views) or viewer (read-only).")]
    public string? Role { get; init; }
}
