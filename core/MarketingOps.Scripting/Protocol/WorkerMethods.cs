namespace MarketingOps.Scripting.Protocol;

/// <summary>The RPC method names between the host and a script worker: a narrow, fixed list in both directions.</summary>
internal static class WorkerMethods
{
    // Host → worker (a run call, its answer and its cancellation go as direct frames: see DirectFrame).
    public const string Compile = "compile";

    // Worker → host: the globals API, each call tagged with the run it belongs to. The bulk reads (posts.list,
    // metrics.latest) are answered against what the worker holds from earlier calls: see CachedReply.
    public const string PostsSchedule = "posts.schedule";
    public const string PostsList = "posts.list";
    public const string PostsFind = "posts.find";
    public const string PostsCancel = "posts.cancel";
    public const string MetricsLatest = "metrics.latest";
    public const string MetricsHistory = "metrics.history";
    public const string ExperimentsStart = "experiments.start";
    public const string ExperimentsFind = "experiments.find";
    public const string ExperimentsList = "experiments.list";
    public const string ExperimentsResults = "experiments.results";
    public const string ExperimentsPick = "experiments.pick";
    public const string ExperimentsStop = "experiments.stop";
    public const string ClockNow = "clock.now";
    public const string ClockDelay = "clock.delay";

    // Worker → host notifications (no answer): what the script printed and logged.
    public const string Print = "print";
    public const string Log = "log";
}
