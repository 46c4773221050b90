namespace MarketingOps.Scripting.Workers;

/// <summary>What came of asking a worker something: its reply, or why there is none.</summary>
internal sealed record WorkerAnswer<T>(T? Reply, WorkerStop Stop, WorkerDeath? Death = null)
    where T : class
{
    /// <summary>
    /// When the host killed it (a deadline, a cancellation it did not heed), the last <see cref="ScriptBudget.At"/> position
    /// it recorded: the statement a run was in, such as the one whose call never returned; 0 when unknown.
    /// </summary>
    public int Position { get; init; }

    public static WorkerAnswer<T> Of(T reply) => new(reply, WorkerStop.None);
}
