using System.Diagnostics;
using System.Globalization;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Running;
using MessagePack;
using StreamJsonRpc;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>What a worker process serves: compile sources the host read, and run a compiled script with the globals API over RPC.</summary>
internal sealed class WorkerEndpoint(WorkerChannel channel, int warmScripts) : IDisposable
{
    private readonly ScriptExecutor _executor = new(warmScripts, TimeSpan.FromMinutes(10), TimeProvider.System);
    private readonly WorkerValueCache _values = new();
    private readonly JsonRpc _rpc = channel.Rpc;
    private (string Key, ScriptImage Image)? _compiled;
    private readonly Lock _gate = new();
    private (string RunId, CancellationTokenSource Cancel)? _running; // the run a cancellation may name

    public void Register()
    {
        // Compiling takes a while: off the thread that reads the host's messages (see InlineSynchronizationContext).
        _rpc.AddLocalRpcMethod(WorkerMethods.Compile, new Func<CompileCall, CancellationToken, Task<CompileReply>>((call, token) => Task.Run(() => Compile(call, token), token)));
    }

    /// <summary>
    /// A direct frame from the host, on the thread that reads it: a run call starts the run (which queues its script and
    /// returns), a cancellation cancels the run it names.
    /// </summary>
    public void Receive(DirectFrameKind kind, ReadOnlyMemory<byte> value)
    {
        switch (kind)
        {
            case DirectFrameKind.Run:
                _ = ServeAsync(MessagePackSerializer.Deserialize<RunCall>(value, channel.SerializerOptions));
                break;
            case DirectFrameKind.Cancel:
                var runId = MessagePackSerializer.Deserialize<string>(value, channel.SerializerOptions);
                lock (_gate)
                {
                    if (_running is { } running && running.RunId == runId)
                    {
                        running.Cancel.Cancel();
                    }
                }

                break;
            default:
                throw new InvalidDataException($"The host sent a {kind} frame.");
        }
    }

    public void Dispose() => _executor.Dispose();

    public CompileReply Compile(CompileCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        _compiled = null;
        CompileOutput output;
        try
        {
            var sources = ScriptSources.FromMessages(call, ScriptEnvironment.Default.ParseOptions);
            output = ScriptCompiler.Compile(sources, ScriptExecutor.AssemblyName(call.Key), cancellationToken);
        }
        catch (OutOfMemoryException)
        {
            // A 60,000-case switch does this under the heap limit. The compiler's graph is garbage once the stack has
            // unwound, so the answer fits; the host says what happened and replaces this worker.
            return new CompileReply([], null, null) { OutOfMemory = true };
        }

        _compiled = output.Image is { } image ? (call.Key, image) : null;
        return new CompileReply(output.Diagnostics, output.Image?.Assembly, output.Image?.Symbols);
    }

    /// <summary>Runs the call and sends its answer, or why there is none, as a direct frame.</summary>
    private async Task ServeAsync(RunCall call)
    {
        using var cancel = new CancellationTokenSource();
        lock (_gate)
        {
            _running = (call.RunId, cancel);
        }

        Task sent;
        try
        {
            var reply = await RunAsync(call, cancel.Token);
            sent = channel.SendAsync(DirectFrameKind.Answer, reply).AsTask();
        }
        catch (Exception ex)
        {
            sent = channel.SendAsync(DirectFrameKind.Failure, ex.Message).AsTask();
        }
        finally
        {
            lock (_gate)
            {
                if (_running?.Cancel == cancel)
                {
                    _running = null;
                }
            }
        }

        try
        {
            await sent;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or ConnectionLostException)
        {
            // The host is gone.
        }
    }

    private async Task<RunReply> RunAsync(RunCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Culture.Length > 0)
        {
            var culture = CultureInfo.GetCultureInfo(call.Culture);
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        var image = call.Assembly is { } assembly && call.Symbols is { } symbols ? new ScriptImage(assembly, symbols)
            : _compiled is { } compiled && compiled.Key == call.Key ? compiled.Image
            : null;
        _compiled = null;
        _values.Prime(call.Prefetched ?? []);
        ScriptBudget.At(0); // nothing of this run has started yet
        RemoteOutput? output = null;
        var result = await _executor.RunAsync(call.Key, image, token =>
        {
            output = new RemoteOutput(_rpc, call.RunId, 2 * call.MaxOutputBytes, _values);
            var host = new HostConnection(_rpc, call.RunId, output, _values, token);
            var clock = call.HostClock ? new RemoteClock(host, TimeZoneInfo.FindSystemTimeZoneById(call.LocalTimeZone)) : TimeProvider.System;
            var services = new ScriptServices(call.Accounts, new RemoteScriptPosts(host, _values), new RemoteScriptMetrics(host, _values), new RemoteScriptExperiments(host))
            {
                Clock = clock,
                Log = new RemoteLogger(host),
                Output = output,
            };
            return new ScriptGlobals(services, call.Args, call.DryRun, token);
        }, call.Timeout, cancellationToken);
        var printed = output?.Finish(); // what the script printed last travels in the answer
        output?.Dispose();
        var prefetchUsed = _values.PrefetchUsed;
        _values.DropPrefetched();

        return result.Reply with { WorkingSet = ResidentMemory.Bytes(), PrefetchUsed = prefetchUsed, Printed = printed };
    }
}
