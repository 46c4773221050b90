using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Workers;

/// <summary>One of the reads a script's run began with: a list of posts by <paramref name="Query"/>, or (null) the latest snapshots of the posts the list before it returned.</summary>
internal sealed record RecordedRead(ScriptPostQuery? Query);
