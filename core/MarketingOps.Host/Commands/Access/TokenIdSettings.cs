using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Access;

internal sealed class TokenIdSettings : JsonSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The token's id, or its name when one active token has it.")]
    public string Id { get; init; } = string.Empty;
}
