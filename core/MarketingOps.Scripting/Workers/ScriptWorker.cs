using System.Diagnostics;
using MarketingOps.Scripting.Protocol;
using MessagePack;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// One worker process as the host holds it: started with nothing inherited, asked one thing at a time, and killed —
/// not asked — when it passes its deadline, does not stop once cancelled, floods the host or breaks the protocol.
/// </summary>
internal sealed class ScriptWorker : IDisposable
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(24);
    private static readonly TimeSpan MemoryWatch = TimeSpan.FromMilliseconds(200);
    private const int MaxRememberedStarts = 64;
    private const int MaxWriteInPlace = 16 * 1024; // a warm run's call, a reply to a single read; not an image or a long list

    private readonly Process _process;
    private readonly WorkerChannel _channel;
    private readonly TrafficLimitStream _incoming;
    private readonly StderrCapture _stderr;
    private readonly WorkerCallbacks _callbacks;
    private readonly Task _exited;
    private readonly string _folder;
    private readonly ScriptWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _probe = new(); // the deadline's and the memory watch's reads of the process, one at a time
    private HashSet<string> _warmKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<RecordedRead>> _starts = new(StringComparer.Ordinal); // script and args → the reads its last run began with
    private int _killed;
    private TaskCompletionSource<RunReply>? _pendingRun; // the run call the worker has yet to answer

    private ScriptWorker(Process process, string folder, ScriptWorkerOptions options, TimeProvider time, ILogger logger)
    {
        _process = process;
        _folder = folder;
        _options = options;
        _time = time;
        _logger = logger;
        _exited = process.WaitForExitAsync();
        _incoming = new TrafficLimitStream(process.StandardOutput.BaseStream, options.MaxTrafficPerRun);
        _stderr = new StderrCapture(process.StandardError);
        _callbacks = new WorkerCallbacks(logger, new WorkerValueMirror(options.MaxCachedValues));
        _channel = WorkerChannel.ForHost(new DirectWriteStream(process.StandardInput.BaseStream, MaxWriteInPlace), _incoming, Receive, options.MaxTrafficPerRun);
        _channel.Rpc.Disconnected += (_, _) => Volatile.Read(ref _pendingRun)?.TrySetException(new ConnectionLostException());
        _callbacks.Register(_channel.Rpc);
        _channel.Start();
    }

    public int ProcessId => _process.Id;

    /// <summary>Runs it has served.</summary>
    public int Runs { get; private set; }

    /// <summary>True until it has compiled or run anything: the next request pays its start.</summary>
    public bool Fresh { get; private set; } = true;

    /// <summary>Its resident memory after its last run.</summary>
    public long WorkingSet { get; private set; }

    public bool IsGone => Volatile.Read(ref _killed) != 0 || _exited.IsCompleted;

    /// <summary>Starts a worker; a worker that cannot start throws <see cref="InvalidOperationException"/> naming why.</summary>
    public static ScriptWorker Start(ScriptWorkerOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory(WorkerFolder.Prefix).FullName;
        try
        {
            var process = new Process { StartInfo = WorkerLaunch.Create(options, folder) };
            InheritedDescriptors.Seal();
            process.Start();
            logger.LogDebug("Started script worker {Pid}", process.Id);
            return new ScriptWorker(process, folder, options, time, logger);
        }
        catch (Exception ex) when (ex is IOException or System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException($"The script worker could not be started: {ex.Message}", ex);
        }
    }

    public bool Holds(string key)
    {
        lock (_warmKeys)
        {
            return _warmKeys.Contains(key);
        }
    }

    public async Task<WorkerAnswer<CompileReply>> CompileAsync(CompileCall call, TimeSpan limit, CancellationToken cancellationToken)
    {
        _incoming.Reset();
        var answer = await AskAsync(token => _channel.Rpc.InvokeWithCancellationAsync<CompileReply>(WorkerMethods.Compile, [call], token), limit, cancellationToken, _options.CompileCpuLimit);
        Fresh = false;
        return answer;
    }

    public async Task<WorkerAnswer<RunReply>> RunAsync(RunCall call, WorkerRunContext run, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(run);
        _incoming.Reset();
        _callbacks.Begin(run);
        try
        {
            // The reads the script's last run here began with go in the run call, answered: a typical script's first
            // reads (its posts, their metrics) cost no round trip of their own, and the run one message. (Sending the
            // call first and answering while the worker starts measured no better: on 2 busy cores the overlap is lost
            // to one more message and one more thread to wake.)
            var start = string.Join('\0', [call.Key, .. call.Args]);
            var reads = _starts.GetValueOrDefault(start) ?? [];
            var prefetched = reads.Count > 0 ? _callbacks.Prefetch(run, reads) : [];
            var answer = await AskAsync(token => SendRunAsync(call with { Prefetched = prefetched }, token), limit, cancellationToken);
            if (answer.Reply is { } reply)
            {
                if (reply.Printed is { Length: > 0 } printed)
                {
                    run.Print(printed);
                }

                if (_starts.Count >= MaxRememberedStarts)
                {
                    _starts.Clear();
                }

                _starts[start] = run.Recording([.. reads.Take(prefetched.Count)], reply.PrefetchUsed);
                WorkingSet = reply.WorkingSet;
                lock (_warmKeys)
                {
                    _warmKeys = reply.WarmKeys.ToHashSet(StringComparer.Ordinal);
                }
            }

            return answer;
        }
        finally
        {
            _callbacks.End();
            Runs++;
            Fresh = false;
        }
    }

    /// <summary>Kills the process at once; the run it served ends without an answer.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) != 0)
        {
            return;
        }

        try
        {
            // The worker alone: it starts no process of its own (the muxer runs it in-process, and scripts may not). A tree
            // kill first stops the process (SIGSTOP) and then reads every process on the machine to find its children: a
            // host that exits in between leaves the worker stopped for good, and on a busy machine the kill waits.
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _channel.Dispose();
        WaitForExit(); // killed: it ends at once, and with it the read of its stderr
        _stderr.Dispose();

        // Its output pipe is closed here, not when the channel's disconnection is handled on another thread (a process
        // whose output was read as a stream does not close it when disposed): a host that ran many workers holds none.
        _incoming.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException ex)
        {
            _logger.LogDebug(ex, "The worker's folder {Folder} could not be removed", _folder);
        }
        catch (UnauthorizedAccessException ex)
        {
            _logger.LogDebug(ex, "The worker's folder {Folder} could not be removed", _folder);
        }
    }

    private void WaitForExit()
    {
        try
        {
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
    }

    /// <summary>
    /// Sends the run call as a direct frame and waits for its answer, which <see cref="Receive"/> takes off the reader
    /// thread. Cancelling tells the worker, which ends the run as cancelled and answers.
    /// </summary>
    private async Task<RunReply> SendRunAsync(RunCall call, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<RunReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _pendingRun, pending, null) is not null)
        {
            throw new InvalidOperationException("The worker is serving a run already.");
        }

        try
        {
            if (_channel.Rpc.Completion.IsCompleted)
            {
                throw new ConnectionLostException();
            }

            await _channel.SendAsync(DirectFrameKind.Run, call);

            // Sent off this thread: a worker that stopped reading cannot hold up whoever cancels.
            using var cancel = cancellationToken.Register(() => _ = Task.Run(() => CancelAsync(call.RunId)));
            return await pending.Task;
        }
        finally
        {
            Interlocked.CompareExchange(ref _pendingRun, null, pending);
        }
    }

    private async Task CancelAsync(string runId)
    {
        try
        {
            await _channel.SendAsync(DirectFrameKind.Cancel, runId);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or ConnectionLostException or OperationCanceledException or InvalidOperationException)
        {
            // Gone: the deadline or the kill after the grace period ends the run.
        }
    }

    /// <summary>
    /// A direct frame from the worker, on the reader thread after everything it sent before: the answer to the run under
    /// way, or why it could not serve it. Anything else breaks the protocol: what this throws ends the channel, and the
    /// run under way sees a lost connection.
    /// </summary>
    private void Receive(DirectFrameKind kind, ReadOnlyMemory<byte> value)
    {
        var pending = Volatile.Read(ref _pendingRun) ?? throw new InvalidDataException("The worker answered no run call.");
        switch (kind)
        {
            case DirectFrameKind.Answer:
                var reply = MessagePackSerializer.Deserialize<RunReply>(value, _channel.SerializerOptions) ?? throw new InvalidDataException("The worker sent an empty answer.");
                pending.TrySetResult(reply);
                break;
            case DirectFrameKind.Failure:
                var message = MessagePackSerializer.Deserialize<string>(value, _channel.SerializerOptions) ?? "";
                pending.TrySetException(new RemoteInvocationException(message, 0, errorData: (object?)null));
                break;
            default:
                throw new InvalidDataException($"The worker sent a {kind} frame.");
        }
    }

    private async Task<WorkerAnswer<T>> AskAsync<T>(Func<CancellationToken, Task<T>> ask, TimeSpan limit, CancellationToken cancellationToken, TimeSpan? cpuLimit = null)
        where T : class
    {
        if (IsGone)
        {
            return new(null, WorkerStop.Died, await DeathAsync(null));
        }

        var invoke = ask(cancellationToken);
        _ = invoke.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        using var stop = new CancellationTokenSource();
        var deadline = cpuLimit is { } cpu ? DeadlineAsync(limit, cpu, stop.Token) : Task.Delay(limit < LongestDelay ? limit : LongestDelay, _time, stop.Token);
        var cancelled = GraceAfterAsync(cancellationToken, stop.Token);
        var memory = WatchMemoryAsync(stop.Token);
        var first = await Task.WhenAny(invoke, deadline, cancelled, _exited, memory);
        await stop.CancelAsync();

        if (first == invoke)
        {
            try
            {
                // The worker's prints and calls before its answer were handled as they were read, before the answer was:
                // a run's output is complete when its result is.
                var answer = WorkerAnswer<T>.Of(await invoke);
                return answer;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new(null, WorkerStop.Cancelled);
            }
            catch (Exception ex) when (ex is ConnectionLostException or RemoteInvocationException or RemoteRpcException or ObjectDisposedException or IOException)
            {
                return new(null, WorkerStop.Died, await DeathAsync(ex is ConnectionLostException or ObjectDisposedException or IOException ? null : ex.Message));
            }
        }

        if (first == _exited)
        {
            return new(null, WorkerStop.Died, await DeathAsync(null));
        }

        Kill();
        if (first == memory)
        {
            var resident = await memory;
            var death = new WorkerDeath($"used {resident / 1048576:N0} MB of memory, past the {_options.ResidentLimit / 1048576:N0} MB a worker may use, so the host killed its worker process", []) { Position = LastPosition(), Cause = WorkerDeathCause.OutOfMemory };
            _logger.LogWarning("Script worker {Pid} was killed: it {Summary}", _process.Id, death.Summary);
            return new(null, WorkerStop.Died, death);
        }

        // A worker can pass its deadline while dying on its own: the runtime takes a while to print a deep stack
        // overflow. Its last words tell which; the script did not simply run too long.
        var lastWords = await _stderr.TextAsync(TimeSpan.FromSeconds(2));
        if (WorkerDeath.IsCrash(lastWords))
        {
            return new(null, WorkerStop.Died, await DeathAsync(null));
        }

        return new(null, first == deadline ? WorkerStop.KilledAtDeadline : WorkerStop.KilledWhenCancelled) { Position = LastPosition() };
    }

    /// <summary>Where the dead worker's script was: the position it last wrote to its mapped file (0 when unknown).</summary>
    private int LastPosition()
    {
        try
        {
            using var file = new FileStream(Path.Combine(_folder, WorkerFolder.PositionFile), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            file.ReadExactly(bytes);
            return BitConverter.ToInt32(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Completes with the worker's resident memory once it passes the limit; never, while it stays below.</summary>
    private async Task<long> WatchMemoryAsync(CancellationToken stop)
    {
        while (true)
        {
            await Task.Delay(MemoryWatch, _time, stop);
            if (ResidentBytes() is var resident && resident > _options.ResidentLimit)
            {
                return resident;
            }
        }
    }

    private long ResidentBytes()
    {
        try
        {
            lock (_probe)
            {
                _process.Refresh();
                return _process.WorkingSet64;
            }
        }
        catch (InvalidOperationException)
        {
            return 0; // exited: the exit wins the race anyway
        }
    }

    /// <summary>Completes when <paramref name="limit"/> has passed or the worker has used <paramref name="cpuLimit"/> of processor time since the call.</summary>
    private async Task DeadlineAsync(TimeSpan limit, TimeSpan cpuLimit, CancellationToken stop)
    {
        var started = _time.GetTimestamp();
        var cpuAtStart = ProcessorTime();
        while (_time.GetElapsedTime(started) < limit && ProcessorTime() - cpuAtStart < cpuLimit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, stop);
        }
    }

    private TimeSpan ProcessorTime()
    {
        try
        {
            lock (_probe)
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero; // exited: the exit wins the race anyway
        }
    }

    /// <summary>Completes a grace period after the caller cancels; never, if it does not.</summary>
    private async Task GraceAfterAsync(CancellationToken cancellationToken, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            await Task.Delay(_options.KillGrace, _time, stop);
        }
    }

    private async Task<WorkerDeath> DeathAsync(string? protocolError)
    {
        if (protocolError is null && !_incoming.Exceeded)
        {
            await Task.WhenAny(_exited, Task.Delay(TimeSpan.FromSeconds(5), _time));
        }

        var killedByHost = !_exited.IsCompleted;
        Kill();
        await Task.WhenAny(_exited, Task.Delay(TimeSpan.FromSeconds(5), _time));
        var stderr = await _stderr.TextAsync(TimeSpan.FromSeconds(2));
        int? exitCode = _process.HasExited ? _process.ExitCode : null;
        var death = WorkerDeath.Describe(exitCode, stderr, _options, _incoming.Exceeded, protocolError, killedByHost) with { Position = LastPosition() };
        _logger.LogWarning("Script worker {Pid} died: {Summary}{Stderr}", _process.Id, death.Summary, stderr.Length == 0 ? "" : Environment.NewLine + (stderr.Length > 2000 ? stderr[..2000] : stderr));
        return death;
    }
}
