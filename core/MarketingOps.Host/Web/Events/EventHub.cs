using System.Collections.Concurrent;
using System.Threading.Channels;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Application;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Web.Events;

/// <summary>
/// Follows the store (the post change feed, pending inbox items, experiment states) while anyone listens, and hands
/// each change to every subscriber. It reads the shared store, so changes made by the CLI or another node show too.
/// </summary>
internal sealed class EventHub(IPostStore store, IInbox inbox, ExperimentService experiments, TimeProvider time, ILogger<EventHub> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<Guid, Listener> _subscribers = new();
    private readonly SemaphoreSlim _wake = new(0);
    private long _position = -1;
    private HashSet<string> _pending = [];
    private Dictionary<string, string> _experiments = [];

    /// <summary>
    /// A new listener; dispose the subscription to leave. Its first event is <c>ready</c>, sent once the hub follows the
    /// store for it, so every change after <c>ready</c> reaches it. A slow listener loses its oldest events, never blocks the others.
    /// </summary>
    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<HostEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[id] = new Listener(channel);
        _wake.Release();
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_subscribers.IsEmpty)
            {
                // Nobody listens: forget where we were and sleep until someone subscribes.
                _position = -1;
                await _wake.WaitAsync(stoppingToken);
                continue;
            }

            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The event stream could not read the store; it tries again");
            }

            await timer.WaitForNextTickAsync(stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_position < 0)
        {
            // A fresh start: only what happens from now on.
            _position = await store.GetChangePositionAsync(cancellationToken);
            _pending = (await inbox.ListAsync(InboxItemStatus.Pending, cancellationToken)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            _experiments = (await experiments.ListAsync(cancellationToken)).ToDictionary(e => e.Id, e => e.State.ToString(), StringComparer.Ordinal);
            Greet(now);
            return;
        }

        // Whoever subscribed since the last poll gets every change after _position from this poll on.
        Greet(now);

        foreach (var change in await store.ListChangesAsync(_position, 500, cancellationToken))
        {
            _position = Math.Max(_position, change.Position);
            Publish(new HostEvent("post", change.Post.Id, change.Post.State.ToString(), change.Post.Account, now));
        }

        var pending = await inbox.ListAsync(InboxItemStatus.Pending, cancellationToken);
        foreach (var item in pending.Where(i => !_pending.Contains(i.Id)))
        {
            Publish(new HostEvent("inbox", item.Id, item.Status.ToString(), item.Account, now));
        }

        _pending = pending.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var experiment in await experiments.ListAsync(cancellationToken))
        {
            var state = experiment.State.ToString();
            if (!_experiments.TryGetValue(experiment.Id, out var before) || before != state)
            {
                _experiments[experiment.Id] = state;
                Publish(new HostEvent("experiment", experiment.Id, state, null, now));
            }
        }
    }

    private void Greet(DateTimeOffset now)
    {
        foreach (var listener in _subscribers.Values.Where(l => !l.Greeted))
        {
            listener.Greeted = true;
            listener.Channel.Writer.TryWrite(new HostEvent("ready", string.Empty, "Subscribed", null, now));
        }
    }

    private void Publish(HostEvent item)
    {
        foreach (var listener in _subscribers.Values.Where(l => l.Greeted))
        {
            listener.Channel.Writer.TryWrite(item);
        }
    }

    private sealed class Listener(Channel<HostEvent> channel)
    {
        public Channel<HostEvent> Channel { get; } = channel;

        // Touched only by the polling loop.
        public bool Greeted { get; set; }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
