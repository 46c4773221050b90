using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.Running;

/// <summary>
/// Inside a worker process: loads a compiled script into a collectible context (or takes it from the warm set), runs it
/// with its budget on the thread pool, and reduces how it ended to plain values. It never decides how long a script may
/// run: the budget stops a script that checks, and the host kills the worker when one does not.
/// </summary>
internal sealed class ScriptExecutor(int warmScripts, TimeSpan warmIdleTime, TimeProvider time) : IDisposable
{
    private readonly WarmScripts _warm = new(warmScripts, warmIdleTime, time);

    /// <summary>Scripts kept loaded for their next run.</summary>
    public int WarmCount => _warm.Count;

    public IReadOnlyList<string> WarmKeys => _warm.Keys;

    public bool Holds(string key) => _warm.Contains(key);

    public void Dispose() => _warm.Dispose();

    /// <summary>Runs the script with <paramref name="key"/>, loading <paramref name="image"/> when it is not loaded; <see cref="RunEnd.NotLoaded"/> when neither.</summary>
    public async Task<ExecutorResult> RunAsync(string key, ScriptImage? image, ScriptGlobalsFactory globals, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var started = time.GetTimestamp();
        var loaded = _warm.Take(key);
        var warmStart = loaded is not null;
        if (loaded is null)
        {
            if (image is null)
            {
                return new ExecutorResult(new RunReply(RunEnd.NotLoaded, null, null), null);
            }

            loaded = LoadedScript.TryLoad(image, key, AssemblyName(key), out var loadFailure);
            if (loaded is null)
            {
                return new ExecutorResult(new RunReply(RunEnd.LoadFailed, loadFailure, null) { PrepareTime = time.GetElapsedTime(started) }, null);
            }
        }

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var runSource = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var contextReference = new WeakReference(loaded.Context);
        var prepareTime = time.GetElapsedTime(started);
        var runStarted = time.GetTimestamp();

        // Resume on a fresh work item: run inline, the caller's code would sit on top of frames that still reference the
        // script, and its load context could not be collected.
        var end = await ScriptStart.Queue(loaded, globals(runSource.Token), new ScriptBudget(runSource.Token)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var runTime = time.GetElapsedTime(runStarted);
        _warm.Return(loaded);
        loaded = null;
        await runSource.CancelAsync(); // anything the script left running (an un-awaited async call) stops at its next check

        var outcome = end.Failure switch
        {
            null => RunEnd.Completed,
            _ when cancellationToken.IsCancellationRequested => RunEnd.Cancelled,
            _ when timeoutSource.IsCancellationRequested => RunEnd.TimedOut,
            _ => RunEnd.Failed,
        };
        return new ExecutorResult(
            new RunReply(outcome, end.Failure, end.Value) { PrepareTime = prepareTime, RunTime = runTime, WarmStart = warmStart, WarmKeys = _warm.Keys, CutFrom = end.CutFrom },
            contextReference);
    }

    public static string AssemblyName(string key) => "mops-script-" + key[..16];

    /// <summary>How the script's own code ended.</summary>
    private sealed record ScriptEnd(string? Value, ScriptFailure? Failure, int CutFrom = 0);

    /// <summary>
    /// Runs the script on the thread pool with its budget in its async context, and reports through a
    /// <see cref="TaskCompletionSource{TResult}"/>. Nothing that outlives the run keeps the script: this object lets go
    /// of it before it reports, whereas a finished Task keeps its delegate and an idle pool thread its last work item.
    /// </summary>
    private sealed class ScriptStart : IThreadPoolWorkItem
    {
        private const int MaxReturnValue = 64 * 1024;

        private readonly TaskCompletionSource<ScriptEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private LoadedScript? _script;
        private ScriptGlobals? _globals;
        private ScriptBudget? _budget;

        public static Task<ScriptEnd> Queue(LoadedScript script, ScriptGlobals globals, ScriptBudget budget)
        {
            var start = new ScriptStart { _script = script, _globals = globals, _budget = budget };
            ThreadPool.UnsafeQueueUserWorkItem(start, preferLocal: false);
            return start._completion.Task;
        }

        public void Execute() => _ = RunAsync();

        private async Task RunAsync()
        {
            ScriptBudget.Current = _budget; // flows into every continuation and task of this run, and only those
            ScriptEnd end;
            try
            {
                var value = await _script!.Factory([_globals, null]).ConfigureAwait(false);

                // The value's ToString is the script's own code (it may recurse or never end): it runs here, in the
                // worker, under the run's budget like the rest of the script.
                var text = value?.ToString();
                end = new ScriptEnd(text is { Length: > MaxReturnValue } ? text[..MaxReturnValue] + "…" : text, null, text is { Length: > MaxReturnValue } ? text.Length : 0);
            }
            catch (Exception ex)
            {
                end = new ScriptEnd(null, Describe(ex));
            }

            (_script, _globals, _budget) = (null, null, null);
            _completion.SetResult(end);
        }

        // The exception may be the script's own type, whose Message or StackTrace is script code that throws too.
        private ScriptFailure Describe(Exception exception)
        {
            try
            {
                return ScriptFailure.Describe(exception, _script!.Assembly, _script.Symbols);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new ScriptFailure(exception.GetType().Name, $"an exception whose own members fail ({ex.GetType().Name})", null, 0, []);
            }
        }
    }
}
