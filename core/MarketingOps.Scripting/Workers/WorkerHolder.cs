namespace MarketingOps.Scripting.Workers;

/// <summary>A run that holds (or has been granted) a worker, as <see cref="ScriptWorkerPool.Holders"/> tells it.</summary>
/// <param name="Holder">Whose run: a scheduled script's name, or the script's file name.</param>
/// <param name="Lane">The lane it was granted in.</param>
/// <param name="Long">Whether it has run past <see cref="ScriptWorkerOptions.LongRunAfter"/>.</param>
/// <param name="Trial">Whether it is a new script trying the last worker.</param>
internal sealed record WorkerHolder(string Holder, RunLane Lane, bool Long, bool Trial);
