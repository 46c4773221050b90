using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// The caller's side: hands a call the resident process serves to it and copies back its output and exit code. When
/// none is listening it starts one for the next call and answers this one itself; when the process is busy with
/// another call, this one runs here. Nothing heavier than a socket is loaded on this path.
/// </summary>
internal static class ResidentClient
{
    /// <summary>The call's exit code, or null when this process must run the command itself.</summary>
    public static int? TryRun(string[] arguments)
    {
        if (!ResidentEndpoint.Enabled || !ResidentCommands.Serves(arguments))
        {
            return null;
        }

        var request = ResidentRequest.OfThisProcess(arguments);
        if (ResidentEndpoint.SocketPath(request.Environment) is not { } path)
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            Start(path);
            return null;
        }

        using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            request.WriteTo(stream);
        }
        catch (IOException)
        {
            return null; // it went away before it took the call (recycled, stopped): nothing ran there
        }

        return Relay(stream);
    }

    /// <summary>Copies frames to this process's output until the exit code; null if the process was busy or went away before answering.</summary>
    private static int? Relay(NetworkStream stream)
    {
        var taken = false;
        using var output = Console.OpenStandardOutput();
        using var error = Console.OpenStandardError();
        Span<byte> header = stackalloc byte[5];
        var buffer = new byte[16 * 1024];
        while (true)
        {
            if (!ReadFully(stream, header))
            {
                if (!taken)
                {
                    return null; // closed before it took the call: nothing ran there
                }

                // It took the call and died (killed, crashed): the command may or may not have done its work, so it is
                // not run again here (a post is never scheduled twice).
                using var message = new StreamWriter(error);
                message.WriteLine("error: the resident mops process ended during this command; check its outcome (for example with `mops post list`) before running it again");
                return ExitCodes.Failure;
            }

            var kind = (ResidentFrame)header[0];
            var length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
            if (kind == ResidentFrame.Busy && !taken)
            {
                return null;
            }

            // Taken: whatever happens now, this call is never run again here.
            taken = true;
            if (length > buffer.Length)
            {
                buffer = new byte[length];
            }

            if (!ReadFully(stream, buffer.AsSpan(0, length)))
            {
                continue; // the next read reports the loss
            }

            switch (kind)
            {
                case ResidentFrame.Output:
                    output.Write(buffer, 0, length);
                    break;
                case ResidentFrame.Error:
                    error.Write(buffer, 0, length);
                    break;
                case ResidentFrame.Exit:
                    return BinaryPrimitives.ReadInt32LittleEndian(buffer);
            }
        }
    }

    private static bool ReadFully(NetworkStream stream, Span<byte> into)
    {
        try
        {
            stream.ReadExactly(into);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Starts the resident process for the next call, detached: it inherits no output of this one.</summary>
    private static void Start(string path)
    {
        var self = typeof(ResidentClient).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add(ResidentServer.Argument);
        start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start);
            if (process is not null)
            {
                process.StandardInput.Close();
                process.StandardOutput.Close();
                process.StandardError.Close();
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            // No resident process: every call runs in its own, as before.
        }
    }
}
