namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>
/// What an import file holds: the posts that could be read, and every problem found in reading. When
/// <see cref="Unreadable"/>, the file as a whole is wrong (not UTF-8, unknown columns, too many posts) and its posts
/// are not worth checking.
/// </summary>
internal sealed record ImportFile(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems, bool Unreadable = false);
