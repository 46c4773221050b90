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
        api.MapGet("/events", (EventHub hub, TimeProvider time, CancellationToken ct) => TypedResults.ServerSentEvents(Stream(hub, time, ct)))
            .RequireAuthorization(Policies.Viewer).WithTags("events").WithName("FollowEvents")
            .WithSummary("A text/event-stream: `ready` once subscribed, then `post`, `inbox` and `experiment` events (JSON data) as they happen.")
            .Produces<HostEvent>(StatusCodes.Status200OK, "text/event-stream");

    private static async IAsyncEnumerable<SseItem<HostEvent>> Stream(EventHub hub, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe();

        // Sent at once, so a client knows it is subscribed (and the response starts before the first change).
        yield return new SseItem<HostEvent>(new HostEvent("ready", string.Empty, "Subscribed", null, time.GetUtcNow()), "ready");
        await foreach (var item in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new SseItem<HostEvent>(item, item.Type);
        }
    }
}
