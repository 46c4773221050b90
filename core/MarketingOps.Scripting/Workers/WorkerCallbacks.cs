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
        rpc.AddLocalRpcMethod(WorkerMethods.PostsList, new Func<string, ScriptPostQuery, long, HostReply<CachedReply<ScriptPost>>>((run, query, applied) => Serve(run, c => ListPosts(c, query ?? new ScriptPostQuery(), applied), read: true)));
        rpc.AddLocalRpcMethod(WorkerMethods.PostsFind, new Func<string, string, HostReply<ScriptPost?>>((run, id) => Serve(run, c => c.Services.Posts.Find(Required(id), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.PostsCancel, new Func<string, string, HostReply<bool>>((run, id) => Serve(run, c => c.Services.Posts.Cancel(Required(id), c.Token))));
        rpc.AddLocalRpcMethod(WorkerMethods.MetricsLatest, new Func<string, string[]?, int[]?, long, HostReply<CachedReply<MetricSnapshot>>>((run, ids, postSlots, applied) => Serve(run, c => LatestSnapshots(c, ids, postSlots, applied), read: true)));
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

    /// <summary>
    /// Answers <paramref name="reads"/> (the reads the script's last run began with) for <paramref name="run"/> before it
    /// starts, as the worker would have asked for them, each counted as a call; stops at the first refusal.
    /// </summary>
    public IReadOnlyList<PrefetchedRead> Prefetch(WorkerRunContext run, IReadOnlyList<RecordedRead> reads)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(reads);
        var prefetched = new List<PrefetchedRead>(reads.Count);
        string[]? lastIds = null;
        foreach (var read in reads)
        {
            if (read.Query is { } query)
            {
                var reply = Serve(run.RunId, c =>
                {
                    var answer = c.Services.Posts.List(query, c.Token);
                    lastIds = [.. answer.Select(p => p.Id)];
                    return sent.Posts(answer, sent.Sequence);
                }, read: true);
                if (reply.ErrorType is not null)
                {
                    break;
                }

                prefetched.Add(new PrefetchedRead(query, reply.Value, null));
            }
            else if (lastIds is { } ids)
            {
                var reply = Serve(run.RunId, c => sent.Snapshots(ids, c.Services.Metrics.Latest(ids, c.Token), sent.Sequence), read: true);
                if (reply.ErrorType is not null)
                {
                    break;
                }

                prefetched.Add(new PrefetchedRead(null, null, reply.Value));
            }
            else
            {
                break;
            }
        }

        return prefetched;
    }

    private HostReply<T> Serve<T>(string runId, Func<WorkerRunContext, T> call, bool read = false)
    {
        if (Current(runId) is not { } run)
        {
            return HostReply<T>.Refused(new InvalidOperationException("The run this call belongs to has ended."));
        }

        if (!read)
        {
            run.StopRecording();
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

        run.StopRecording();

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
        if (asked is not null)
        {
            run.RecordLatest(asked);
        }

        return asked is null ? sent.Unresolved() : sent.Snapshots(asked, run.Services.Metrics.Latest(asked, run.Token), applied);
    }

    private CachedReply<ScriptPost> ListPosts(WorkerRunContext run, ScriptPostQuery query, long applied)
    {
        var answer = run.Services.Posts.List(query, run.Token);
        run.RecordList(query, answer);
        return sent.Posts(answer, applied);
    }

    private static T Required<T>(T? value)
        where T : class => value ?? throw new ArgumentException("A value the call needs is missing.");
}
