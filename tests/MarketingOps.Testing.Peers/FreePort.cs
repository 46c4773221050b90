using System.Net;
using System.Net.Sockets;

namespace MarketingOps.Testing.Peers;

/// <summary>Finds a loopback port nobody listens on.</summary>
public static class FreePort
{
    /// <summary>A port the operating system just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
