using System.ComponentModel;
using MarketingOps.Core.Posts;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostListSettings : TimeSettings
{
    [CommandOption("--state <STATE>")]
    [Description("Only posts in this state: Draft, PendingApproval, Scheduled, Publishing, Published, Failed, Unconfirmed, Cancelled, Missed.")]
    public string? State { get; init; }

    [CommandOption("--account <ACCOUNT>")]
    [Description("Only posts of this account.")]
    public string? Account { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many posts. Default: 1000.")]
    [DefaultValue(1000)]
    public int Limit { get; init; } = 1000;

    public PostState? ParsedState => EnumOption.Parse<PostState>(State, "--state", "state");

    public override ValidationResult Validate() =>
        EnumOption.Problem<PostState>(State, "--state", "state") is { } problem ? ValidationResult.Error(problem)
        : Limit < 1 ? ValidationResult.Error($"--limit: '{Limit}' is not a number of posts; give 1 or more (default 1000)")
        : base.Validate();
}
