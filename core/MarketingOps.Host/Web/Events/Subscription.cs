using System.Threading.Channels;
using MarketingOps.Host.Application;

namespace MarketingOps.Host.Web.Events;

/// <summary>One listener's events; disposing it unsubscribes.</summary>
internal sealed class Subscription(ChannelReader<HostEvent> reader, Action leave) : IDisposable
{
    public ChannelReader<HostEvent> Reader { get; } = reader;

    public void Dispose() => leave();
}
