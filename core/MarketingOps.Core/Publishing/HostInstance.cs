using System.Globalization;

namespace MarketingOps.Core.Publishing;

/// <summary>Names this host process in claims, so a post left Publishing can be traced to who took it.</summary>
internal sealed class HostInstance
{
    public HostInstance()
        : this($"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid().ToString("N")[..8]}")
    {
    }

    public HostInstance(string id)
    {
        Id = id;
    }

    public string Id { get; }
}
