using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Events;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Server-sent events: post state changes, new inbox items and experiment changes, as they happen.</summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", (EventHub hub, IHostApplicationLifetime lifetime, CancellationToken ct) => TypedResults.ServerSentEvents(Stream(hub, lifetime.ApplicationStopping, ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("events").WithName("FollowEvents")
            .WithSummary("A text/event-stream: `ready` once subscribed (no change after it is missed), then `post`, `inbox` and `experiment` events (JSON data) as they happen.")
            .Produces<HostEvent>(StatusCodes.Status200OK, "text/event-stream");

    private static async IAsyncEnumerable<SseItem<HostEvent>> Stream(EventHub hub, CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A stream ends, cleanly, when the host begins to stop: a follower never leaves by itself, and Ctrl+C on `mops run`
        // waited out the whole shutdown timeout for each open dashboard or `curl -N` before Kestrel cut them off.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);

        // The hub's first event is `ready`: from then on no change is missed.
        using var subscription = hub.Subscribe();
        while (await WaitAsync(subscription.Reader, ended.Token))
        {
            while (subscription.Reader.TryRead(out var item))
            {
                yield return new SseItem<HostEvent>(item, item.Type);
            }
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<HostEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
