using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A read the host answered before the run started, because the script's last run began with it: either a list of posts
/// (<paramref name="Query"/>, <paramref name="Posts"/>) or the latest snapshots of the posts of the list before it
/// (<paramref name="Snapshots"/>). The worker applies every reply to its tables at once, and hands an answer to the
/// script only when the script makes that very call first; any other call to the host drops the rest.
/// </summary>
internal sealed record PrefetchedRead(ScriptPostQuery? Query, CachedReply<ScriptPost>? Posts, CachedReply<MetricSnapshot>? Snapshots);
