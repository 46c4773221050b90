using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>
/// A post of an import file, ready to check: where it was written (<c>posts.csv:4</c>, <c>posts.json: post 3</c>) and
/// its position among the file's posts, from 1.
/// </summary>
internal sealed record ImportRow(string Where, int Position, ScheduleRequest Request)
{
    /// <summary>Whether it is a CSV row, whose options are columns, rather than a JSON object with an <c>options</c> object. The default value is false.</summary>
    public bool Csv { get; init; }

    /// <summary>A platform option as the file names it: the column <c>option:NAME</c>, or <c>options.NAME</c> in JSON.</summary>
    public string OptionLabel(string option) => Csv ? PostImportReader.OptionPrefix + option : "options." + option;
}
