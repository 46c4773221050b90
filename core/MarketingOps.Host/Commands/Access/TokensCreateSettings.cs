using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal sealed class TokensCreateSettings : JsonSettings
{
    [CommandOption("--name <NAME>")]
    [Description("What the token is for, e.g. zapier.")]
    public string? Name { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("owner, editor, approver or viewer.")]
    public string? Role { get; init; }

    [CommandOption("--user <USER>")]
    [Description("The user the token acts for (it can never do more than they can); without it the token acts as itself.")]
    public string? User { get; init; }

    [CommandOption("--expires-in-days <DAYS>")]
    [Description("Days until the token stops working. Default: never.")]
    public int? ExpiresInDays { get; init; }
}
