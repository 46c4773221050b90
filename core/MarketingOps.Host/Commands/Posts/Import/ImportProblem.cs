namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>One problem of an import, worded with where it is; <see cref="Position"/> orders it by its post in the file (0: the file as a whole).</summary>
internal sealed record ImportProblem(int Position, string Message);
