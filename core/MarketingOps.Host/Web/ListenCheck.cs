using System.Net;
using System.Net.Sockets;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Web;

/// <summary>
/// Whether a loopback port is free, asked the way Kestrel binds (address reuse on, so only a listener counts as taken):
/// one host per client means several hosts on one machine, and each needs its own port.
/// </summary>
internal static class ListenCheck
{
    /// <summary>Throws one line naming the address in use and the setting that changes it, before the host starts.</summary>
    public static void EnsureFree(string urls, string settingsFile)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url);
            var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback;
            if (uri.Port != 0 && !IsFree(address, uri.Port))
            {
                throw new UserFacingException(
                    $"{url} is already in use (another client's mops, or another program): give this client its own port with " +
                    $"\"Web\": {{ \"Urls\": \"http://127.0.0.1:PORT\" }} in {settingsFile}, or run with --no-web");
            }
        }
    }

    /// <summary>A free loopback port from 5100–5999, picked at random so that folders created one after another differ.</summary>
    public static int PickFreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(5100, 6000);
            if (IsFree(IPAddress.Loopback, port))
            {
                return port;
            }
        }

        throw new UserFacingException("no free port between 5100 and 5999 on 127.0.0.1; set Web:Urls in mops.json yourself");
    }

    private static bool IsFree(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
