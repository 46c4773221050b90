using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostImportSettings : JsonSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A .csv file with a header row, or a .json array of objects, with: account, at, text or file (a UTF-8 file of the text, relative to the import file; one trailing line break dropped), and optionally tz, media (files separated by |; an array in JSON), kind (post, reply or dm), to, in_reply_to, experiment, variant. Values are taken exactly as written. Problems are named FILE:ROW, the row as a spreadsheet numbers it (the header is row 1), with (line N) when quoted line breaks put it on another line of the file; FILE: post N for JSON.")]
    public string File { get; init; } = "";

    [CommandOption("--dry-run")]
    [Description("Check every post as scheduling would, and store nothing; with --json, list the posts it would schedule.")]
    public bool DryRun { get; init; }
}
