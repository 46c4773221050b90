using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostScheduleSettings : JsonSettings
{
    [CommandOption("--account <ACCOUNT>")]
    [Description("The account to publish from, as named in plugins.json.")]
    public string? Account { get; init; }

    [CommandOption("--at <TIME>")]
    [Description("ISO 8601 with an offset (2026-03-30T09:30:00+02:00), or a local time (2026-03-30 09:30) read in --tz or the account's zone.")]
    public string? At { get; init; }

    [CommandOption("--tz <ZONE>")]
    [Description("IANA time zone for a local --at, such as Europe/Berlin. Default: the account's zone.")]
    public string? TimeZone { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("The post's text.")]
    public string? Text { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Read the post's text from a UTF-8 file instead. " + Core.Posts.PostText.FileRule)]
    public string? File { get; init; }

    [CommandOption("--media <FILE>")]
    [Description("Attach a media file; repeat for several.")]
    public string[] Media { get; init; } = [];

    [CommandOption("--experiment <ID>")]
    [Description("The experiment the post belongs to.")]
    public string? Experiment { get; init; }

    [CommandOption("--variant <NAME>")]
    [Description("The experiment variant.")]
    public string? Variant { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("post, reply or dm. Default: post.")]
    [DefaultValue("post")]
    public string Kind { get; init; } = "post";

    [CommandOption("--to <HANDLE>")]
    [Description("Who a reply or direct message is for.")]
    public string? To { get; init; }

    [CommandOption("--in-reply-to <POST_ID>")]
    [Description("The platform id of the post a reply answers.")]
    public string? InReplyTo { get; init; }

    public override ValidationResult Validate()
    {
        var missing = new List<string>();
        if (Core.Inbox.UnattendedPolicy.ParseKind(Kind) is null)
        {
            missing.Add($"--kind must be post, reply or dm (was '{Kind}')");
        }

        if (string.IsNullOrWhiteSpace(Account))
        {
            missing.Add("--account is required");
        }

        if (string.IsNullOrWhiteSpace(At))
        {
            missing.Add("--at is required");
        }

        if ((Text is null) == (File is null))
        {
            missing.Add("give exactly one of --text and --file");
        }

        return missing.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", missing));
    }
}
