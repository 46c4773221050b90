using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostScheduleSettings : DraftSettings
{
    /// <summary>The option that takes two values, an account and a text.</summary>
    public const string TextForOption = "--text-for";

    [CommandOption("--text-for <ACCOUNT_AND_TEXT>")]
    [Description("Another text for one account of a group: --text-for ACCOUNT \"TEXT\" (the text taken whole); repeat for several accounts. For a thread, it replaces the first part.")]
    public string[] TextFor { get; init; } = [];

    [CommandOption("--thread-file <FILE>")]
    [Description("Schedule a thread: its parts, in order, from a UTF-8 file; each part is published as a reply to the one before it. " + Core.Posts.ThreadText.FileRule)]
    public string? ThreadFile { get; init; }

    [CommandOption("--first-comment <TEXT>")]
    [Description("A reply by the same account right after the post (a thread of two), taken whole.")]
    public string? FirstComment { get; init; }

    protected override bool AtRequired => true;

    protected override bool ManyAccounts => true;

    protected override IEnumerable<string> TextProblems()
    {
        if (new[] { Text is not null, File is not null, ThreadFile is not null }.Count(given => given) != 1)
        {
            yield return "give exactly one of --text, --file and --thread-file";
        }

        if (FirstComment is not null && ThreadFile is not null)
        {
            yield return "--first-comment makes a thread of two; with --thread-file, write it as the file's second part";
        }

        foreach (var pair in TextFor)
        {
            var account = pair.Split('=', 2)[0];
            if (!pair.Contains('=', StringComparison.Ordinal))
            {
                yield return $"--text-for takes an account and a text: --text-for ACCOUNT \"TEXT\" (got '{pair}')";
            }
            else if (!Accounts.Contains(account, StringComparer.Ordinal))
            {
                yield return $"--text-for {account}: '{account}' is not one of the --account options ({string.Join(", ", Accounts)})";
            }
        }

        foreach (var twice in TextFor.Select(p => p.Split('=', 2)[0]).GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"--text-for {twice.Key} is given {twice.Count()} times";
        }
    }
}
