using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Guardrails;

internal sealed class GuardrailsCheckSettings : JsonSettings
{
    [CommandOption("--account <ACCOUNT>")]
    [Description("The account that would send it, as named in plugins.json.")]
    public string? Account { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("The text to check.")]
    public string? Text { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Read the text from a UTF-8 file instead. " + Core.Posts.PostText.FileRule)]
    public string? File { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("post, reply or dm. Default: post.")]
    [DefaultValue("post")]
    public string Kind { get; init; } = "post";

    [CommandOption("--to <HANDLE>")]
    [Description("Who a reply or direct message is for.")]
    public string? To { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Account))
        {
            problems.Add("--account is required");
        }

        if ((Text is null) == (File is null))
        {
            problems.Add("give exactly one of --text and --file");
        }

        if (Core.Inbox.UnattendedPolicy.ParseKind(Kind) is not { } kind)
        {
            problems.Add($"--kind must be post, reply or dm (was '{Kind}')");
        }
        else if (kind == Sdk.MessageKind.DirectMessage && string.IsNullOrWhiteSpace(To))
        {
            problems.Add("--kind dm needs --to");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
