using System.ComponentModel;
using MarketingOps.Host.Application;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

/// <summary>
/// What describes a post, reply or direct message: <c>post schedule</c> and <c>guardrails check</c> take the same
/// options, so a check judges exactly what scheduling would.
/// </summary>
internal abstract class DraftSettings : TimeSettings
{
    [CommandOption("--account <ACCOUNT>")]
    [Description("The account that sends it, as named in plugins.json. post schedule takes several (--account a --account b): one post per account, scheduled together as a group.")]
    public string[] Accounts { get; init; } = [];

    /// <summary>The first (for most commands, the only) account named.</summary>
    public string? Account => Accounts.Length == 0 ? null : Accounts[0];

    [CommandOption("--at <TIME>")]
    [Description("When: ISO 8601 with an offset (2026-03-30T09:30:00+02:00), or a local time (2026-03-30 09:30) read in --tz or the account's zone. guardrails check defaults to now.")]
    public string? At { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("The text, taken exactly as given (it may start with '-').")]
    public string? Text { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("Read the text from a UTF-8 file instead. " + Core.Posts.PostText.FileRule)]
    public string? File { get; init; }

    [CommandOption("--media <FILE>")]
    [Description("Attach a media file; repeat for several.")]
    public string[] Media { get; init; } = [];

    [CommandOption("--alt <TEXT>")]
    [Description("A description of a --media file for people who cannot see it, taken whole; the first --alt describes the first --media, and so on.")]
    public string[] Alt { get; init; } = [];

    [CommandOption(OptionOption + " <NAME_AND_VALUE>")]
    [Description("A platform option: --option NAME VALUE (the value taken whole) or --option NAME=VALUE; repeat for several. "
        + "Mastodon: visibility, spoiler_text, language, sensitive; X: reply_settings, quote_tweet_id; Bluesky: langs. An option the platform does not take is refused with the list it does.")]
    public string[] Option { get; init; } = [];

    /// <summary>The option that takes a name and a value.</summary>
    public const string OptionOption = "--option";

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

    /// <summary>Whether the command needs <c>--at</c>.</summary>
    protected abstract bool AtRequired { get; }

    /// <summary>Whether the command takes several <c>--account</c>s.</summary>
    protected virtual bool ManyAccounts => false;

    /// <summary>The request's fields besides its account, time, text and media, as the options give them.</summary>
    public DraftFields Fields() => new(TimeZone, Experiment, Variant, Core.Inbox.UnattendedPolicy.ParseKind(Kind)!.Value, To, InReplyTo)
    {
        Options = Option.Length == 0 ? Core.Posts.PlatformOptions.None : Option.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal),
    };

    /// <summary>What is wrong with how the text is given.</summary>
    protected virtual IEnumerable<string> TextProblems()
    {
        if ((Text is null) == (File is null))
        {
            yield return "give exactly one of --text and --file";
        }
    }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (base.Validate() is { Successful: false } zone)
        {
            problems.Add(zone.Message!);
        }

        if (Core.Inbox.UnattendedPolicy.ParseKind(Kind) is null)
        {
            problems.Add($"--kind must be post, reply or dm (was '{Kind}')");
        }

        if (Accounts.Length == 0 || Accounts.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("--account is required");
        }

        if (Accounts.Length > 1 && !ManyAccounts)
        {
            problems.Add("name one --account (only `post schedule` takes several)");
        }

        if (AtRequired && string.IsNullOrWhiteSpace(At))
        {
            problems.Add("--at is required");
        }
        else if (AtProblem(At) is { } at)
        {
            problems.Add(at);
        }

        if (Alt.Length > Media.Length)
        {
            problems.Add($"--alt is given {Alt.Length} times for {Media.Length} --media file(s); each --alt describes the --media at the same place");
        }

        problems.AddRange(TextProblems());
        problems.AddRange(OptionProblems());
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    /// <summary>
    /// A time that cannot be read in any zone is a refused value (exit 2) before the client is opened; whether it exists
    /// in the account's zone and is still ahead is the command's to say.
    /// </summary>
    private static string? AtProblem(string? at)
    {
        if (string.IsNullOrWhiteSpace(at))
        {
            return null;
        }

        try
        {
            Core.Posts.ScheduleTimeParser.Parse(at, TimeZoneInfo.Utc);
            return null;
        }
        catch (Core.Posts.PostRequestException ex)
        {
            return "--at: " + ex.Message;
        }
    }

    private IEnumerable<string> OptionProblems()
    {
        foreach (var pair in Option.Where(p => !p.Contains('=', StringComparison.Ordinal) || p.StartsWith('=')))
        {
            yield return $"--option takes a name and a value: --option NAME VALUE or --option NAME=VALUE (got '{pair}')";
        }

        foreach (var twice in Option.Select(p => p.Split('=', 2)[0]).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"--option {twice.Key} is given {twice.Count()} times";
        }
    }
}
