using System.Runtime.InteropServices;

namespace MarketingOps.Host.Tests;

/// <summary>struct pollfd, for <see cref="ProcessSignal"/>'s wait on a pidfd.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollDescriptor
{
    public int Descriptor;
    public short Events;
    public short ReturnedEvents;
}
