using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Init;

internal sealed class InitSettings : GlobalSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("The client folder to create (default: --home, else the current folder).")]
    public string? Directory { get; init; }

    [CommandOption("--client <NAME>")]
    [Description("The client's name, used for its accounts (default: the folder's name).")]
    public string? Client { get; init; }

    [CommandOption("--platform <ID>")]
    [Description("A platform the client posts to: sandbox, x, mastodon or bluesky; repeat for several (default: sandbox).")]
    public string[] Platforms { get; init; } = [];

    [CommandOption("--time-zone <ZONE>")]
    [Description("The accounts' IANA time zone (default: this machine's).")]
    public string? TimeZone { get; init; }
}
