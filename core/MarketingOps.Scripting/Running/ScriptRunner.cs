using System.Reflection;
using System.Runtime.CompilerServices;
using MarketingOps.Scripting.Caching;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.InMemory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Running;

/// <summary>
/// Checks and runs scripts: read (with <c>#load</c>), compile or take from the cache, apply the policy, load into a
/// collectible context, run with a timeout the script cannot ignore, unload. What the CLI and the scheduler call.
/// </summary>
internal sealed class ScriptRunner : IDisposable
{
    private readonly ScriptRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ScriptCompileCache? _cache;
    private readonly WarmScripts _warm;

    /// <param name="options">Cache folder, default timeout, grace period.</param>
    /// <param name="timeProvider">Measures timeouts; real time even when the script's <c>Clock</c> is simulated.</param>
    /// <param name="logger">The host's log.</param>
    public ScriptRunner(ScriptRunnerOptions options, TimeProvider? timeProvider = null, ILogger<ScriptRunner>? logger = null)
    {
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _cache = options.CacheDirectory is { } directory ? new ScriptCompileCache(directory) : null;
        _warm = new WarmScripts(options.WarmScripts, options.WarmIdleTime, _timeProvider);
    }

    /// <summary>Scripts kept loaded for their next run.</summary>
    internal int WarmCount => _warm.Count;

    /// <summary>Unloads every script kept loaded.</summary>
    public void Dispose() => _warm.Dispose();

    /// <summary>Compiles and applies the policy without running; no errors means the script would run.</summary>
    public IReadOnlyList<ScriptDiagnostic> Check(string file, CancellationToken cancellationToken = default)
    {
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions);
        if (sources.Diagnostics.Any(d => d.Id == ScriptDiagnosticIds.FileNotFound))
        {
            return sources.Diagnostics;
        }

        var key = ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        var output = ScriptCompiler.Compile(sources, AssemblyName(key), cancellationToken);
        if (output.Image is { } image)
        {
            _cache?.Store(key, image);
        }

        return output.Diagnostics;
    }

    /// <summary>Runs a script to its end, its timeout, or its first unhandled exception; never throws for anything the script does.</summary>
    public async Task<ScriptRunResult> RunAsync(string file, ScriptRunRequest request, CancellationToken cancellationToken = default)
    {
        var started = _timeProvider.GetTimestamp();
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions);
        if (sources.Diagnostics.Any(d => d.Id == ScriptDiagnosticIds.FileNotFound))
        {
            return new ScriptRunResult(ScriptOutcome.Refused, sources.Diagnostics);
        }

        var key = ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        var loaded = _warm.Take(key);
        var warmStart = loaded is not null;
        var image = loaded is null ? _cache?.TryGet(key) : null;
        var cacheHit = warmStart || image is not null;
        IReadOnlyList<ScriptDiagnostic> warnings = [];
        if (loaded is null && image is null)
        {
            var output = ScriptCompiler.Compile(sources, AssemblyName(key), cancellationToken);
            if (output.Image is null)
            {
                return new ScriptRunResult(ScriptOutcome.Refused, output.Diagnostics) { PrepareTime = _timeProvider.GetElapsedTime(started) };
            }

            image = output.Image;
            warnings = output.Diagnostics;
            _cache?.Store(key, image);
            _logger.LogDebug("Compiled {Script} in {Elapsed}", sources.MainPath, _timeProvider.GetElapsedTime(started));
        }

        var (services, recorder) = request.DryRun ? DryRunScriptServices.Wrap(request.Services) : (request.Services, null);
        var timeout = request.Timeout ?? _options.DefaultTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var runSource = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var globals = new ScriptGlobals(services, request.Args, request.DryRun, runSource.Token);

        // Resume on a fresh work item: run inline, the caller's code would sit on top of frames (the script's thread,
        // ExecuteAsync's state machine) that still reference the script, and its load context could not be collected.
        var execution = await ExecuteAsync(loaded, image, key, globals, started, runSource.Token).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        loaded = null;
        await runSource.CancelAsync(); // anything the script left running (an un-awaited async call) stops at its next check
        if (execution.LoadFailed && _cache is not null)
        {
            _cache.Evict(key); // a damaged cached image: compile afresh next time
        }

        var mainFile = sources.MainPath;
        var (outcome, diagnostic) = execution switch
        {
            { Abandoned: true } => (ScriptOutcome.Abandoned, new ScriptDiagnostic(mainFile, 0, 0, true, ScriptDiagnosticIds.Abandoned,
                $"The script did not stop within {_options.StopGracePeriod.TotalMilliseconds:0} ms of {(timeoutSource.IsCancellationRequested ? $"its {Describe(timeout)} timeout" : "being cancelled")}; it is stuck inside a call that does not check for cancellation. The host stopped waiting for it.")),
            { Failure: { } failure } when timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                => (ScriptOutcome.TimedOut, failure.ToDiagnostic(mainFile, ScriptDiagnosticIds.TimedOut,
                    $"The script ran past its {Describe(timeout)} timeout and was stopped{(failure.File is null ? "" : " here")}.")),
            { Failure: not null } when cancellationToken.IsCancellationRequested
                => (ScriptOutcome.Cancelled, new ScriptDiagnostic(mainFile, 0, 0, true, ScriptDiagnosticIds.Cancelled, "The run was cancelled: the host is stopping.")),
            { Failure: { } failure } => (ScriptOutcome.Failed, failure.ToDiagnostic(mainFile, ScriptDiagnosticIds.RuntimeError, $"{failure.TypeName}: {failure.Message}")),
            _ => (ScriptOutcome.Completed, (ScriptDiagnostic?)null),
        };

        if (outcome != ScriptOutcome.Completed)
        {
            _logger.LogWarning("Script {Script} ended {Outcome}: {Diagnostic}", mainFile, outcome, diagnostic);
        }

        return new ScriptRunResult(outcome, diagnostic is null ? warnings : [.. warnings, diagnostic])
        {
            ReturnValue = execution.ReturnValue,
            CacheHit = cacheHit,
            WarmStart = warmStart,
            DryRunActions = recorder?.Actions ?? [],
            PrepareTime = execution.PrepareTime,
            RunTime = execution.RunTime,
            LoadContext = execution.LoadContext,
        };
    }

    private static string AssemblyName(string key) => "mops-script-" + key[..16];

    private static string Describe(TimeSpan timeout) => timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0} ms";

    private async Task<Execution> ExecuteAsync(LoadedScript? loaded, ScriptImage? image, string key, ScriptGlobals globals, long started, CancellationToken runToken)
    {
        ScriptFailure? loadFailure = null;
        loaded ??= LoadedScript.TryLoad(image!, key, AssemblyName(key), out loadFailure);
        if (loaded is null)
        {
            return new Execution(loadFailure, null, false, true, TimeSpan.Zero, TimeSpan.Zero, null);
        }

        var contextReference = new WeakReference(loaded.Context);
        var prepareTime = _timeProvider.GetElapsedTime(started);
        var runStarted = _timeProvider.GetTimestamp();
        var run = ScriptStart.Queue(loaded, globals, new ScriptBudget(runToken));
        var abandoned = false;
        try
        {
            try
            {
                var end = await run.WaitAsync(runToken).ConfigureAwait(false);
                return new Execution(end.Failure, end.Value, false, false, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
            }
            catch (OperationCanceledException) when (runToken.IsCancellationRequested)
            {
                try
                {
                    var end = await run.WaitAsync(_options.StopGracePeriod, _timeProvider, CancellationToken.None).ConfigureAwait(false);
                    return new Execution(end.Failure, end.Value, false, false, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
                }
                catch (TimeoutException)
                {
                    abandoned = true;
                    return new Execution(null, null, true, false, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
                }
            }
        }
        finally
        {
            // A script still stuck in a call is never handed to another run; it unloads once that call returns.
            if (abandoned)
            {
                loaded.Unload();
            }
            else
            {
                _warm.Return(loaded);
            }

            loaded = null;
        }
    }

    /// <summary>How the script's own code ended.</summary>
    private sealed record ScriptEnd(string? Value, ScriptFailure? Failure);

    /// <summary>
    /// Runs the script on the thread pool with its budget in its async context, and reports through a
    /// <see cref="TaskCompletionSource{TResult}"/>. Nothing that outlives the run keeps the script: this object lets go
    /// of it before it reports, whereas a finished Task keeps its delegate and an idle pool thread its last work item.
    /// </summary>
    private sealed class ScriptStart : IThreadPoolWorkItem
    {
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
                end = new ScriptEnd(value?.ToString(), null);
            }
            catch (Exception ex)
            {
                end = new ScriptEnd(null, ScriptFailure.Describe(ex, _script!.Assembly, _script.Symbols));
            }

            (_script, _globals, _budget) = (null, null, null);
            _completion.SetResult(end);
        }
    }

    private sealed record Execution(ScriptFailure? Failure, string? ReturnValue, bool Abandoned, bool LoadFailed, TimeSpan PrepareTime, TimeSpan RunTime, WeakReference? LoadContext);
}
