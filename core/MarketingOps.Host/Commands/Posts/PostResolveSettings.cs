using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostResolveSettings : PostIdSettings
{
    [CommandOption("--published <URL>")]
    [Description("You found the post on the platform at this URL.")]
    public string? Published { get; init; }

    [CommandOption("--not-published")]
    [Description("You checked: the post is not on the platform (it becomes Failed; `mops post retry` publishes it).")]
    public bool NotPublished { get; init; }

    public override ValidationResult Validate() =>
        (Published is not null) != NotPublished
            ? base.Validate()
            : ValidationResult.Error("give exactly one of --published URL and --not-published");
}
