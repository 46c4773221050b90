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
internal sealed class ScriptRunner
{
    private readonly ScriptRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ScriptCompileCache? _cache;

    /// <param name="options">Cache folder, default timeout, grace period.</param>
    /// <param name="timeProvider">Measures timeouts; real time even when the script's <c>Clock</c> is simulated.</param>
    /// <param name="logger">The host's log.</param>
    public ScriptRunner(ScriptRunnerOptions options, TimeProvider? timeProvider = null, ILogger<ScriptRunner>? logger = null)
    {
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _cache = options.CacheDirectory is { } directory ? new ScriptCompileCache(directory) : null;
    }

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
        var image = _cache?.TryGet(key);
        var cacheHit = image is not null;
        IReadOnlyList<ScriptDiagnostic> warnings = [];
        if (image is null)
        {
            var output = ScriptCompiler.Compile(sources, AssemblyName(key), cancellationToken);
            if (output.Image is null)
            {
                return new ScriptRunResult(ScriptOutcome.Refused, output.Diagnostics) { PrepareTime = _timeProvider.GetElapsedTime(started) };
            }

            image = output.Image;
            warnings = output.Diagnostics;
            _cache?.Store(key, image);
            _logger.LogDebug("Compiled {Script} in {Elapsed}", sources.MainTree.FilePath, _timeProvider.GetElapsedTime(started));
        }

        var (services, recorder) = request.DryRun ? DryRunScriptServices.Wrap(request.Services) : (request.Services, null);
        var timeout = request.Timeout ?? _options.DefaultTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var runSource = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var globals = new ScriptGlobals(services, request.Args, request.DryRun, runSource.Token);

        // Resume on a fresh work item: run inline, the caller's code would sit on top of frames (the script's thread,
        // ExecuteAsync's state machine) that still reference the script, and its load context could not be collected.
        var execution = await ExecuteAsync(image, key, globals, started, runSource.Token).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        await runSource.CancelAsync(); // anything the script left running (an un-awaited async call) stops at its next check
        if (execution.LoadFailed && cacheHit)
        {
            _cache!.Evict(key); // a damaged cached image: compile afresh next time
        }

        var mainFile = sources.MainTree.FilePath;
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
            DryRunActions = recorder?.Actions ?? [],
            PrepareTime = execution.PrepareTime,
            RunTime = execution.RunTime,
            LoadContext = execution.LoadContext,
        };
    }

    private static string AssemblyName(string key) => "mops-script-" + key[..16];

    private static string Describe(TimeSpan timeout) => timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0} ms";

    private async Task<Execution> ExecuteAsync(ScriptImage image, string key, ScriptGlobals globals, long started, CancellationToken runToken)
    {
        var run = ScriptStart.Queue(image, AssemblyName(key), globals, runToken, out var contextReference);
        var prepareTime = _timeProvider.GetElapsedTime(started);
        var runStarted = _timeProvider.GetTimestamp();
        try
        {
            var end = await run.WaitAsync(runToken).ConfigureAwait(false);
            return new Execution(end.Failure, end.Value, false, end.LoadFailed, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            try
            {
                var end = await run.WaitAsync(_options.StopGracePeriod, _timeProvider, CancellationToken.None).ConfigureAwait(false);
                return new Execution(end.Failure, end.Value, false, end.LoadFailed, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
            }
            catch (TimeoutException)
            {
                return new Execution(null, null, true, false, prepareTime, _timeProvider.GetElapsedTime(runStarted), contextReference);
            }
        }
    }

    /// <summary>How the script's own code ended.</summary>
    private sealed record ScriptEnd(string? Value, ScriptFailure? Failure, bool LoadFailed = false);

    /// <summary>
    /// Loads the script into its own collectible context, runs it on the thread pool and unloads the context when it ends.
    /// Only this object ever holds the context, the assembly or the script's delegate, and it lets go of them before it
    /// reports: a finished Task keeps its delegate, an async method's state can outlive it on a caller's stack, and either
    /// would keep the script loaded.
    /// </summary>
    private sealed class ScriptStart : IThreadPoolWorkItem
    {
        private readonly TaskCompletionSource<ScriptEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ScriptLoadContext? _context;
        private byte[]? _symbols;
        private Assembly? _assembly;
        private Func<object?[], Task<object>>? _factory;
        private ScriptGlobals? _globals;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Task<ScriptEnd> Queue(ScriptImage image, string name, ScriptGlobals globals, CancellationToken runToken, out WeakReference contextReference)
        {
            var start = new ScriptStart { _context = new ScriptLoadContext(name), _symbols = image.Symbols, _globals = globals };
            contextReference = new WeakReference(start._context);
            try
            {
                using var assemblyStream = new MemoryStream(image.Assembly, writable: false);
                using var symbolStream = new MemoryStream(image.Symbols, writable: false);
                start._assembly = start._context.LoadFromStream(assemblyStream, symbolStream);
                var scriptType = start._assembly.GetType(ScriptEnvironment.ScriptClassName, throwOnError: true)!;
                scriptType.GetNestedType(ScriptEnvironment.BudgetHolderName)!.GetField("Current")!.SetValue(null, new ScriptBudget(runToken));
                start._factory = scriptType.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<object?[], Task<object>>>();
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or TypeLoadException or NullReferenceException or MissingMethodException)
            {
                start.Finish(new ScriptEnd(null, ScriptFailure.WithoutLocation(ex, "The compiled script could not be loaded: " + ex.Message), LoadFailed: true));
                return start._completion.Task;
            }

            ThreadPool.UnsafeQueueUserWorkItem(start, preferLocal: false);
            return start._completion.Task;
        }

        public void Execute() => _ = RunAsync();

        private async Task RunAsync()
        {
            ScriptEnd end;
            try
            {
                // Slot 0 holds the globals, slot 1 the submission the factory creates; the value is rendered while the script's budget still applies.
                var value = await _factory!([_globals, null]).ConfigureAwait(false);
                end = new ScriptEnd(value?.ToString(), null);
            }
            catch (Exception ex)
            {
                end = new ScriptEnd(null, ScriptFailure.Describe(ex, _assembly!, _symbols!));
            }

            Finish(end);
        }

        private void Finish(ScriptEnd end)
        {
            _context!.Unload();
            (_context, _symbols, _assembly, _factory, _globals) = (null, null, null, null, null);
            _completion.SetResult(end);
        }
    }

    private sealed record Execution(ScriptFailure? Failure, string? ReturnValue, bool Abandoned, bool LoadFailed, TimeSpan PrepareTime, TimeSpan RunTime, WeakReference LoadContext);
}
