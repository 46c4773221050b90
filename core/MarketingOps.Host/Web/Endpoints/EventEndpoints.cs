using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Events;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Server-sent events: post state changes, new inbox items and experiment changes, as they happen.</summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", (EventHub hub, CancellationToken ct) => TypedResults.ServerSentEvents(Stream(hub, ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("events").WithName("FollowEvents")
            .WithSummary("A text/event-stream: `ready` once subscribed (no change after it is missed), then `post`, `inbox` and `experiment` events (JSON data) as they happen.")
            .Produces<HostEvent>(StatusCodes.Status200OK, "text/event-stream");

    private static async IAsyncEnumerable<SseItem<HostEvent>> Stream(EventHub hub, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The hub's first event is `ready`: from then on no change is missed.
        using var subscription = hub.Subscribe();
        await foreach (var item in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new SseItem<HostEvent>(item, item.Type);
        }
    }
}
