namespace MarketingOps.Scripting.Workers;

/// <summary>How script workers are started, limited and recycled (configuration section <c>Scripting:Workers</c>).</summary>
internal sealed class ScriptWorkerOptions
{
    /// <summary>The worker's entry assembly. The default value is <c>mops-script-worker.dll</c> next to the host.</summary>
    public string WorkerAssembly { get; set; } = Path.Combine(AppContext.BaseDirectory, "mops-script-worker.dll");

    /// <summary>How many scripts may run at once, each in its own worker. The default value is 2.</summary>
    public int MaxWorkers { get; set; } = 2;

    /// <summary>
    /// How long a run (its compile included) may take before it counts as long: long runs never hold the last worker,
    /// and a script stays long for its next <see cref="LongRunMemory"/> runs. The default value is 10 seconds.
    /// </summary>
    public TimeSpan LongRunAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Added to <see cref="LongRunAfter"/> for a run in a newly started worker: the process's start is not the script's. The default value is 10 seconds.</summary>
    public TimeSpan ColdStartAllowance { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs after a long one for which a script still counts as long. The default value is 5.</summary>
    public int LongRunMemory { get; set; } = 5;

    /// <summary>Idle workers kept running for the next script. The default value is 1.</summary>
    public int WarmWorkers { get; set; } = 1;

    /// <summary>Runs after which a worker is replaced, whatever happened. The default value is 50.</summary>
    public int RunsPerWorker { get; set; } = 50;

    /// <summary>Compiled scripts a worker keeps loaded for their next run. The default value is 8.</summary>
    public int WarmScriptsPerWorker { get; set; } = 8;

    /// <summary>
    /// Posts and snapshots a worker keeps from earlier calls, so a warm run receives only what changed (the host keeps
    /// the same record of what it sent); past it both start afresh. The default value is 30,000.
    /// </summary>
    public int MaxCachedValues { get; set; } = 30_000;

    /// <summary>The worker's managed heap limit (the GC's hard limit); the kernel's limit sits <see cref="NativeAllowance"/> above it. The default value is 1 GiB.</summary>
    public long MemoryLimitBytes { get; set; } = 1L << 30;

    /// <summary>What the worker may use besides its heap (code, stacks, the runtime). The default value is 768 MiB.</summary>
    public long NativeAllowance { get; set; } = 768L << 20;

    /// <summary>
    /// Resident memory past which the host kills a worker in the middle of a run or compile (watched from outside,
    /// whatever the worker does). The default value is <see cref="MemoryLimitBytes"/> plus half of <see cref="NativeAllowance"/>.
    /// </summary>
    public long? MaxResidentBytes { get; set; }

    /// <summary>A worker whose resident memory passes this after a run is replaced. The default value is 60 % of <see cref="MemoryLimitBytes"/>.</summary>
    public long? RecycleAboveBytes { get; set; }

    /// <summary>How much processor time compiling a script may use before its worker is killed: the compiler's own work, whatever the machine's load. The default value is 30 seconds.</summary>
    public TimeSpan CompileCpuLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long compiling a script may take on the wall clock, however little processor time it gets. The default value is 3 minutes.</summary>
    public TimeSpan CompileTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long past its timeout (or past being cancelled) a script may take to stop before its worker is killed. The default value is 2 seconds.</summary>
    public TimeSpan KillGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What a worker may send the host in one run (calls, prints, logs) before it is killed as a flood. The default value is 64 MiB.</summary>
    public long MaxTrafficPerRun { get; set; } = 64L << 20;

    /// <summary>
    /// Bytes (UTF-8) of printed output and log lines together the host keeps per run; past it the output is cut with a
    /// marker and the rest dropped, while the run goes on. The default value is 1 MiB.
    /// </summary>
    public long MaxOutputBytesPerRun { get; set; } = 1L << 20;

    /// <summary>Log lines the host keeps per run. The default value is 5,000.</summary>
    public int MaxLogLinesPerRun { get; set; } = 5_000;

    /// <summary>Globals calls (posts, metrics, experiments, clock) a run may make. The default value is 200,000.</summary>
    public int MaxCallsPerRun { get; set; } = 200_000;

    public long RecycleAbove => RecycleAboveBytes ?? MemoryLimitBytes * 6 / 10;

    public long ResidentLimit => MaxResidentBytes ?? MemoryLimitBytes + (NativeAllowance / 2);
}
