namespace MarketingOps.Scripting.Workers;

/// <summary>What came of asking a worker something: its reply, or why there is none.</summary>
internal sealed record WorkerAnswer<T>(T? Reply, WorkerStop Stop, WorkerDeath? Death = null)
    where T : class
{
    public static WorkerAnswer<T> Of(T reply) => new(reply, WorkerStop.None);
}
