using System.Globalization;
using MarketingOps.Scripting.Caching;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Workers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Running;

/// <summary>
/// Checks and runs scripts, never in this process: read the files (with <c>#load</c>), take the compiled image from the
/// cache or have a worker compile it, run it in a worker whose calls come back to the host's services, and turn whatever
/// happened — an answer, a deadline, a dead worker — into a result. What the CLI and the scheduler call.
/// </summary>
internal sealed class ScriptRunner : IDisposable
{
    private const int RememberedImages = 16;

    private readonly ScriptRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ScriptCompileCache? _cache;
    private readonly ScriptWorkerPool _pool;
    private readonly bool _ownsPool;
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, ScriptImage Image)> _images = [];
    private readonly Dictionary<string, int> _longScripts = new(StringComparer.Ordinal); // main file → runs it still counts as long

    /// <param name="options">Cache folder, default timeout, workers.</param>
    /// <param name="timeProvider">Measures timeouts; real time even when the script's <c>Clock</c> is simulated.</param>
    /// <param name="logger">The host's log.</param>
    /// <param name="pool">Workers shared with other runners; null makes (and disposes) the runner's own.</param>
    public ScriptRunner(ScriptRunnerOptions options, TimeProvider? timeProvider = null, ILogger<ScriptRunner>? logger = null, ScriptWorkerPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _cache = options.CacheDirectory is { } directory ? new ScriptCompileCache(directory) : null;
        _ownsPool = pool is null;
        _pool = pool ?? new ScriptWorkerPool(options.Workers, _timeProvider, _logger);
    }

    /// <summary>Raised as a worker is asked to compile (tests wait on it instead of on time).</summary>
    internal event Action? Compiling;

    /// <summary>The workers this runner uses.</summary>
    internal ScriptWorkerPool Pool => _pool;

    /// <summary>Stops the runner's own workers.</summary>
    public void Dispose()
    {
        if (_ownsPool)
        {
            _pool.Dispose();
        }
    }

    /// <summary>Compiles (in a worker) and applies the policy without running; no errors means the script would run.</summary>
    public async Task<IReadOnlyList<ScriptDiagnostic>> CheckAsync(string file, CancellationToken cancellationToken = default)
    {
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions, _options.ClientFolder);
        if (sources.NothingToCompile)
        {
            return sources.Diagnostics;
        }

        var key = ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        var worker = await _pool.AcquireAsync(key, longRun: false, cancellationToken);
        var healthy = false;
        try
        {
            var compiled = await CompileAsync(worker, sources, key, cancellationToken);
            healthy = compiled.Failure is null || IsPlainRefusal(compiled.Failure);
            return compiled.Failure?.Diagnostics ?? compiled.Diagnostics;
        }
        finally
        {
            _pool.Release(worker, recycle: !healthy);
        }
    }

    /// <summary>Runs a script to its end, its timeout, its first unhandled exception or its worker's death; never throws for anything the script does.</summary>
    public async Task<ScriptRunResult> RunAsync(string file, ScriptRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _timeProvider.GetTimestamp();
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions, _options.ClientFolder);
        var mainFile = sources.MainPath;
        if (sources.NothingToCompile)
        {
            return new ScriptRunResult(ScriptOutcome.Refused, sources.Diagnostics);
        }

        var key = ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        ScriptWorker worker;
        var lane = IsLong(mainFile) ? RunLane.Slow : request.Pace?.Invoke(key) ?? RunLane.Quick;
        request.Queued?.Invoke(lane);
        try
        {
            worker = await _pool.AcquireAsync(key, lane, request.Holder ?? Path.GetFileName(mainFile), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cancelled(mainFile);
        }

        if (request.WorkerGranted?.Invoke() == false)
        {
            _pool.Release(worker, recycle: false);
            return new ScriptRunResult(ScriptOutcome.Cancelled, [new ScriptDiagnostic(mainFile, 0, 0, IsError: true, ScriptDiagnosticIds.Cancelled, "The run was not started: it was no longer wanted when its worker came.")])
            {
                Version = key,
                Lane = lane,
            };
        }

        var coldWorker = worker.Fresh;
        var recycle = true;
        var grewLong = 0;
        var longTimer = _timeProvider.CreateTimer(
            _ =>
            {
                Interlocked.Exchange(ref grewLong, 1);
                _pool.MarkLong(worker);
            },
            null,
            _pool.Options.LongRunAfter + (coldWorker ? _pool.Options.ColdStartAllowance : TimeSpan.Zero),
            Timeout.InfiniteTimeSpan);
        try
        {
            var warm = worker.Holds(key);
            var image = warm ? null : _cache?.TryGet(key) ?? Remembered(key);
            var cacheHit = warm || image is not null;
            var sendImage = !warm;
            IReadOnlyList<ScriptDiagnostic> warnings = [];
            if (!warm && image is null)
            {
                var compiled = await CompileAsync(worker, sources, key, cancellationToken);
                if (compiled.Failure is { } refused)
                {
                    recycle = !IsPlainRefusal(refused);
                    return refused with
                {
                    PrepareTime = _timeProvider.GetElapsedTime(started), ColdWorker = coldWorker, WorkerKilled = !IsPlainRefusal(refused) && refused.Outcome != ScriptOutcome.Cancelled,
                    Version = key, Lane = lane, RanLong = Volatile.Read(ref grewLong) == 1,
                };
                }

                image = compiled.Image!;
                warnings = compiled.Diagnostics;
                sendImage = false; // the worker keeps what it just compiled
                _logger.LogDebug("Compiled {Script} in {Elapsed}", mainFile, _timeProvider.GetElapsedTime(started));
            }

            var (services, recorder) = request.DryRun ? DryRunScriptServices.Wrap(request.Services) : (request.Services, null);
            var timeout = request.Timeout ?? _options.DefaultTimeout;
            var call = new RunCall(Guid.NewGuid().ToString("N"), key, services.Accounts, request.Args, timeout)
            {
                Assembly = sendImage ? image!.Assembly : null,
                Symbols = sendImage ? image!.Symbols : null,
                DryRun = request.DryRun,
                HostClock = !ReferenceEquals(services.Clock, TimeProvider.System),
                LocalTimeZone = services.Clock.LocalTimeZone.Id,
                Culture = CultureInfo.CurrentCulture.Name,
                MaxOutputBytes = _pool.Options.MaxOutputBytesPerRun,
            };
            var prepared = _timeProvider.GetElapsedTime(started);
            using var runEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var context = new WorkerRunContext(call.RunId, services, _pool.Options, runEnd.Token);
            var answer = await worker.RunAsync(call, context, timeout + _pool.Options.KillGrace, cancellationToken);
            await runEnd.CancelAsync(); // host-side waits the run started (Delay on the host's clock) end with it
            if (answer.Reply is { End: RunEnd.NotLoaded } && image is not null)
            {
                // The worker no longer has it (an idle expiry between the lookup and the run): send the image.
                context = new WorkerRunContext(call.RunId, services, _pool.Options, cancellationToken);
                answer = await worker.RunAsync(call with { Assembly = image.Assembly, Symbols = image.Symbols }, context, timeout + _pool.Options.KillGrace, cancellationToken);
            }

            var (outcome, diagnostic) = Judge(answer, sources, timeout, () => image ?? Remembered(key) ?? _cache?.TryGet(key), cancellationToken);
            if (answer.Reply is { End: RunEnd.LoadFailed })
            {
                Forget(key); // a damaged cached image: compile afresh next time
            }

            if (outcome != ScriptOutcome.Completed)
            {
                _logger.LogWarning("Script {Script} ended {Outcome}: {Diagnostic}", mainFile, outcome, diagnostic);
            }

            recycle = outcome != ScriptOutcome.Completed;
            if (context.OutputCut)
            {
                warnings = [.. warnings, new ScriptDiagnostic(mainFile, 0, 0, IsError: false, ScriptDiagnosticIds.OutputCut,
                    $"The script printed and logged more than {_pool.Options.MaxOutputBytesPerRun / 1024:N0} KB in this run; its output was cut there and the rest dropped.")];
            }

            if (answer.Reply is { ReturnValue: { } value, CutFrom: > 0 and var length })
            {
                warnings = [.. warnings, new ScriptDiagnostic(mainFile, 0, 0, IsError: false, ScriptDiagnosticIds.ValueCut,
                    string.Create(CultureInfo.InvariantCulture, $"The script's value is {length:N0} characters long; only its first {value.Length - 1:N0} are returned, followed by …."))];
            }

            return new ScriptRunResult(outcome, diagnostic is null ? warnings : [.. warnings, diagnostic])
            {
                ReturnValue = answer.Reply?.ReturnValue,
                CacheHit = cacheHit,
                WarmStart = answer.Reply?.WarmStart ?? false,
                ColdWorker = coldWorker,
                // Running a worker out of memory costs it as much as killing it: the worker is replaced, and a scheduled
                // script that does it three times in a row is paused like one whose worker died.
                WorkerKilled = outcome != ScriptOutcome.Cancelled
                    && (answer.Stop is WorkerStop.Died or WorkerStop.KilledAtDeadline || answer.Reply?.Failure?.TypeName == typeof(OutOfMemoryException).FullName),
                DryRunActions = recorder?.Actions ?? [],
                PrepareTime = prepared + (answer.Reply?.PrepareTime ?? TimeSpan.Zero),
                RunTime = answer.Reply?.RunTime ?? TimeSpan.Zero,
                PrefetchedReads = answer.Reply?.PrefetchUsed ?? 0,
                Version = key,
                Lane = lane,
                RanLong = Volatile.Read(ref grewLong) == 1,
            };
        }
        finally
        {
            longTimer.Dispose();
            Remember(mainFile, Volatile.Read(ref grewLong) == 1);
            _pool.Release(worker, recycle);
        }
    }

    /// <summary>Whether the script ran long lately, so its next run may not take the last worker.</summary>
    private bool IsLong(string mainFile)
    {
        lock (_gate)
        {
            return _longScripts.ContainsKey(mainFile);
        }
    }

    private void Remember(string mainFile, bool ranLong)
    {
        lock (_gate)
        {
            if (ranLong)
            {
                _longScripts[mainFile] = _pool.Options.LongRunMemory;
            }
            else if (_longScripts.TryGetValue(mainFile, out var left))
            {
                if (left <= 1)
                {
                    _longScripts.Remove(mainFile);
                }
                else
                {
                    _longScripts[mainFile] = left - 1;
                }
            }
        }
    }

    private static (ScriptOutcome, ScriptDiagnostic?) Judge(WorkerAnswer<RunReply> answer, ScriptSources sources, TimeSpan timeout, Func<ScriptImage?> image, CancellationToken cancellationToken)
    {
        var mainFile = sources.MainPath;
        ScriptDiagnostic Whole(string id, string message) => new(mainFile, 0, 0, IsError: true, id, message);
        return answer switch
        {
            { Reply: { End: RunEnd.Completed } } => (ScriptOutcome.Completed, null),
            { Reply: { End: RunEnd.TimedOut, Failure: { } failure } } => (ScriptOutcome.TimedOut, failure.ToDiagnostic(mainFile, ScriptDiagnosticIds.TimedOut,
                $"The script ran past its {Describe(timeout)} timeout and was stopped{(failure.File is null ? "" : " here")}.")),
            { Reply: { End: RunEnd.Cancelled } } or { Stop: WorkerStop.Cancelled or WorkerStop.KilledWhenCancelled } => (ScriptOutcome.Cancelled, Whole(ScriptDiagnosticIds.Cancelled, "The run was cancelled: the host is stopping.")),
            { Reply: { End: RunEnd.LoadFailed, Failure: { } failure } } => (ScriptOutcome.Failed, Whole(ScriptDiagnosticIds.RuntimeError, failure.Message)),
            { Reply: { Failure: { } failure } } => (ScriptOutcome.Failed, failure.ToDiagnostic(mainFile, ScriptDiagnosticIds.RuntimeError, $"{failure.TypeName}: {failure.MessageAsSaid()}")),
            { Stop: WorkerStop.KilledAtDeadline } => (ScriptOutcome.TimedOut, KilledAtDeadline(sources, answer.Position, timeout)),
            // A worker that dies while the host stops (Ctrl+C reaches its whole process group) says nothing about the script.
            { Stop: WorkerStop.Died } when cancellationToken.IsCancellationRequested => (ScriptOutcome.Cancelled, Whole(ScriptDiagnosticIds.Cancelled, "The run was cancelled: the host is stopping.")),
            { Stop: WorkerStop.Died, Death: { } death } => (ScriptOutcome.Crashed, Died(sources, death, image)),
            _ when cancellationToken.IsCancellationRequested => (ScriptOutcome.Cancelled, Whole(ScriptDiagnosticIds.Cancelled, "The run was cancelled: the host is stopping.")),
            _ => (ScriptOutcome.Crashed, Whole(ScriptDiagnosticIds.WorkerDied, "The script's worker gave no answer; the host killed it.")),
        };
    }

    private static ScriptDiagnostic KilledAtDeadline(ScriptSources sources, int position, TimeSpan timeout)
    {
        // The statement it was in, from the worker's mapped position file: the one whose call never returned.
        var at = ScriptBudget.Unpack(position) is { } known && known.FileIndex < sources.Files.Count ? known : default((int FileIndex, int Line)?);
        return new ScriptDiagnostic(at is { } p ? sources.Files[p.FileIndex].Path : sources.MainPath, at?.Line ?? 0, 0, IsError: true, ScriptDiagnosticIds.TimedOut,
            $"The script ran past its {Describe(timeout)} timeout and did not stop (it was inside a call that never checks{(at is null ? "" : ", in the statement that starts here")}), so the host killed its worker process.");
    }

    private static ScriptDiagnostic Died(ScriptSources sources, WorkerDeath death, Func<ScriptImage?> image)
    {
        // The statement it was in, from the worker's mapped position file; else where the innermost method of the
        // script the runtime printed starts (a stack overflow prints no line).
        if (ScriptBudget.Unpack(death.Position) is { } at && at.FileIndex < sources.Files.Count)
        {
            return new ScriptDiagnostic(sources.Files[at.FileIndex].Path, at.Line, 0, IsError: true, ScriptDiagnosticIds.WorkerDied,
                $"The script {death.Summary} (in the statement that starts here). The host is unaffected.");
        }

        var where = image() is { } known ? ScriptImageLines.Find(known, death.ScriptFrames) : null;
        return new ScriptDiagnostic(where?.File ?? sources.MainPath, where?.Line ?? 0, 0, IsError: true, ScriptDiagnosticIds.WorkerDied,
            $"The script {death.Summary}{(where is null ? "" : " (in the code that starts here)")}. The host is unaffected.");
    }

    /// <summary>Compiles in the worker under the compile limit; a refusal, a timeout or a death comes back as the run's result.</summary>
    private async Task<CompileResult> CompileAsync(ScriptWorker worker, ScriptSources sources, string key, CancellationToken cancellationToken)
    {
        var mainFile = sources.MainPath;
        var call = new CompileCall(key, sources.ToMessages(), sources.Diagnostics, sources.RefusedDirectiveMessages());
        var limit = _pool.Options.CompileTimeout;
        var compiling = worker.CompileAsync(call, limit, cancellationToken);
        Compiling?.Invoke();
        var answer = await compiling;
        ScriptRunResult Refused(ScriptOutcome outcome, string id, string message)
            => new(outcome, [new ScriptDiagnostic(mainFile, 0, 0, IsError: true, id, message)]);
        switch (answer)
        {
            case { Reply: { Assembly: { } assembly, Symbols: { } symbols } reply }:
                var image = new ScriptImage(assembly, symbols);
                if (_cache is null)
                {
                    Remember(key, image); // for the next run on another worker; with a cache, the cache serves it
                }
                else
                {
                    _cache.Store(key, image);
                }
                return new CompileResult(image, reply.Diagnostics, null);
            case { Reply.OutOfMemory: true } or { Death.Cause: WorkerDeathCause.OutOfMemory }:
                return new CompileResult(null, [], Refused(ScriptOutcome.Refused, ScriptDiagnosticIds.CompileLimit,
                    $"The script {Path.GetFileName(mainFile)} is too large to compile: the compiler needed more than the {_pool.Options.MemoryLimitBytes / 1048576:N0} MB of memory a worker may use, so the host stopped it. Make it smaller: a switch or an expression with tens of thousands of parts is better written as data (an array or a Dictionary) that the script looks up."));
            case { Reply: { } refused }:
                return new CompileResult(null, refused.Diagnostics, new ScriptRunResult(ScriptOutcome.Refused, refused.Diagnostics));
            case { Stop: WorkerStop.KilledAtDeadline }:
                return new CompileResult(null, [], Refused(ScriptOutcome.Refused, ScriptDiagnosticIds.CompileLimit,
                    $"Compiling the script {Path.GetFileName(mainFile)} took more than {Describe(_pool.Options.CompileCpuLimit)} of processor time (or {Describe(limit)} in all), so the host stopped it. Simplify the script: deeply nested tuples or generic types, or expressions of many thousands of parts, make the compiler's work grow very fast."));
            case { Stop: WorkerStop.Cancelled or WorkerStop.KilledWhenCancelled }:
                return new CompileResult(null, [], Cancelled(mainFile));
            case { Death.Cause: WorkerDeathCause.StackOverflow }:
                return new CompileResult(null, [], Refused(ScriptOutcome.Refused, ScriptDiagnosticIds.CompileLimit,
                    $"The script {Path.GetFileName(mainFile)} is too deeply nested to compile: an expression or statement nested thousands of levels deep (brackets, calls, lambdas) overflowed the compiler's stack, so its worker process died. Flatten it: build the value in steps, with variables or a loop."));
            case { Death: { } death }:
                return new CompileResult(null, [], Refused(ScriptOutcome.Crashed, ScriptDiagnosticIds.WorkerDied,
                    $"The script could not be compiled: it {death.Summary.Replace("its worker process", "the compiler's worker process", StringComparison.Ordinal)}. The host is unaffected."));
            default:
                return new CompileResult(null, [], cancellationToken.IsCancellationRequested ? Cancelled(mainFile) : Refused(ScriptOutcome.Crashed, ScriptDiagnosticIds.WorkerDied, "The compiler's worker gave no answer."));
        }
    }

    /// <summary>Compiler errors or policy violations: the worker did its job and can serve the next script (not so past a compile limit).</summary>
    private static bool IsPlainRefusal(ScriptRunResult result)
        => result.Outcome == ScriptOutcome.Refused && !result.Diagnostics.Any(d => d.Id == ScriptDiagnosticIds.CompileLimit);

    private static ScriptRunResult Cancelled(string mainFile)
        => new(ScriptOutcome.Cancelled, [new ScriptDiagnostic(mainFile, 0, 0, IsError: true, ScriptDiagnosticIds.Cancelled, "The run was cancelled: the host is stopping.")]);

    private ScriptImage? Remembered(string key)
    {
        lock (_gate)
        {
            return _images.FirstOrDefault(i => i.Key == key).Image;
        }
    }

    private void Remember(string key, ScriptImage image)
    {
        lock (_gate)
        {
            _images.AddFirst((key, image));
            while (_images.Count > RememberedImages)
            {
                _images.RemoveLast();
            }
        }
    }

    private void Forget(string key)
    {
        lock (_gate)
        {
            for (var node = _images.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _images.Remove(node);
                    break;
                }
            }
        }

        _cache?.Evict(key);
    }

    private static string Describe(TimeSpan timeout) => timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0} ms";

    /// <summary>A compiled image and its warnings, or the result that ends the run instead.</summary>
    private sealed record CompileResult(ScriptImage? Image, IReadOnlyList<ScriptDiagnostic> Diagnostics, ScriptRunResult? Failure);
}
