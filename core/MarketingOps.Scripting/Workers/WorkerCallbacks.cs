using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// The host's side of the globals API for one worker: each call names its run, is served by that run's services (the
/// host's normal engines and guardrails) with plain values in and out, and is refused once the run is over. Refusals
/// the script should see become <see cref="HostReply{T}"/> errors; anything else is logged here and reported vaguely.
/// Lists of posts and snapshots are answered against <paramref name="sent"/>, what this worker already holds.
/// </summary>
internal sealed class WorkerCallbacks(ILogger logger, WorkerValueMirror sent)
{
    private WorkerRunContext? _current;

    public void Begin(WorkerRunContext run) => Volatile.Write(ref _current, run);

    public void End() => Volatile.Write(ref _current, null);

    public void Register(JsonRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        rpc.AddLocalRpcMethod(WorkerMethods.PostsSchedule, new Func<string, ScriptPostRequest, HostReply<ScriptPost>>((run, request) => Serve(run, c => c.Services.Posts.Schedule(Required(request), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.PostsList, new Func<string, ScriptPostQuery, long, HostReply<CachedReply<ScriptPost>>>((run, query, applied) => Serve(run, c => sent.Posts(c.Services.Posts.List(query ?? new ScriptPostQuery(), c.Token), applied))));
        rpc.AddLocalRpcMethod(WorkerMethods.PostsFind, new Func<string, string, HostReply<ScriptPost?>>((run, id) => Serve(run, c => c.Services.Posts.Find(Required(id), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.PostsCancel, new Func<string, string, HostReply<bool>>((run, id) => Serve(run, c => c.Services.Posts.Cancel(Required(id), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.MetricsLatest, new Func<string, string[]?, int[]?, long, HostReply<CachedReply<MetricSnapshot>>>((run, ids, postSlots, applied) => Serve(run, c => LatestSnapshots(c, ids, postSlots, applied))));
        rpc.AddLocalRpcMethod(WorkerMethods.MetricsHistory, new Func<string, string, HostReply<IReadOnlyList<MetricSnapshot>>>((run, id) => Serve(run, c => c.Services.Metrics.History(Required(id), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsStart, new Func<string, ExperimentPlan, HostReply<ScriptExperiment>>((run, plan) => Serve(run, c => c.Services.Experiments.Start(Required(plan), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsFind, new Func<string, string, HostReply<ScriptExperiment?>>((run, name) => Serve(run, c => c.Services.Experiments.Find(Required(name), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsList, new Func<string, HostReply<IReadOnlyList<ScriptExperiment>>>(run => Serve(run, c => c.Services.Experiments.List(c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsResults, new Func<string, string, HostReply<ExperimentResults>>((run, name) => Serve(run, c => c.Services.Experiments.Results(Required(name), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsPick, new Func<string, string, HostReply<ExperimentVariant>>((run, name) => Serve(run, c => c.Services.Experiments.Pick(Required(name), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ExperimentsStop, new Func<string, string, HostReply<bool>>((run, name) => Serve(run, c => c.Services.Experiments.Stop(Required(name), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.ClockNow, new Func<string, HostReply<DateTimeOffset>>(run => Serve(run, c => c.Services.Clock.GetUtcNow())));
        rpc.AddLocalRpcMethod(WorkerMethods.ClockDelay, new Func<string, TimeSpan, CancellationToken, Task<HostReply<bool>>>(DelayAsync));
        rpc.AddLocalRpcMethod(WorkerMethods.Print, new Action<string, string>((run, text) => Current(run)?.Print(text ?? "")));
        rpc.AddLocalRpcMethod(WorkerMethods.Log, new Action<string, LogMessage>((run, message) =>
        {
            if (message is not null)
            {
                Current(run)?.Log(message);
            }
        }));
    }

    private WorkerRunContext? Current(string runId) => Volatile.Read(ref _current) is { } run && run.RunId == runId ? run : null;

    private HostReply<T> Serve<T>(string runId, Func<WorkerRunContext, T> call)
    {
        if (Current(runId) is not { } run)
        {
            return HostReply<T>.Refused(new InvalidOperationException("The run this call belongs to has ended."));
        }

        if (!run.TakeCall())
        {
            return HostReply<T>.Refused(new InvalidOperationException($"The script made more than {run.MaxCalls:N0} calls to the host in one run."));
        }

        // The engines await without ConfigureAwait(false) and the interfaces are synchronous: waiting on them under
        // the channel's one-at-a-time context would wait for that very context, so they run without it.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return HostReply<T>.Of(call(run));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or OperationCanceledException or KeyNotFoundException or FormatException)
        {
            return HostReply<T>.Refused(ex);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A script's call to the host failed");
            return HostReply<T>.Refused(new InvalidOperationException("The host could not do this (see its log); nothing was changed by this call."));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private async Task<HostReply<bool>> DelayAsync(string runId, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (Current(runId) is not { } run)
        {
            return HostReply<bool>.Refused(new OperationCanceledException("The run this call belongs to has ended."));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Token, cancellationToken);
        try
        {
            await Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, run.Services.Clock, linked.Token);
            return HostReply<bool>.Of(true);
        }
        catch (OperationCanceledException ex)
        {
            return HostReply<bool>.Refused(ex);
        }
    }

    /// <summary>The latest snapshots of the posts the worker names by id, or by their slots in what it holds.</summary>
    private CachedReply<MetricSnapshot> LatestSnapshots(WorkerRunContext run, string[]? ids, int[]? postSlots, long applied)
    {
        var asked = ids ?? sent.PostIds(Required(postSlots), applied);
        return asked is null ? sent.Unresolved() : sent.Snapshots(asked, run.Services.Metrics.Latest(asked, run.Token), applied);
    }

    private static T Required<T>(T? value)
        where T : class => value ?? throw new ArgumentException("A value the call needs is missing.");
}
