using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal class PostIdSettings : TimeSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The post's id, as printed by `mops post schedule` or `mops post list`.")]
    public string Id { get; init; } = string.Empty;
}
