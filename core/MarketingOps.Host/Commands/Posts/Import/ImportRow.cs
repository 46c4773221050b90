using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Commands.Posts.Import;

/// <summary>
/// A post of an import file, ready to check: where it was written (<c>posts.csv:4</c>, <c>posts.json: post 3</c>) and
/// its position among the file's posts, from 1.
/// </summary>
internal sealed record ImportRow(string Where, int Position, ScheduleRequest Request);
