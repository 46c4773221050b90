using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// The resident process: it keeps mops loaded and compiled between calls, serves one call at a time on this build's
/// socket (a second call meanwhile is told to run itself), and leaves when idle, after many calls, when it has grown,
/// or when its socket is taken from it. Started by <see cref="ResidentClient"/>; nobody talks to it but the user's own
/// mops calls (its folder is the user's alone).
/// </summary>
internal sealed class ResidentServer : IDisposable
{
    /// <summary>The hidden first argument that starts a resident process (followed by its socket's path).</summary>
    public const string Argument = "__resident-cli";

    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(30);
    private const int CallLimit = 500;
    private const long MemoryLimit = 512L * 1024 * 1024;

    private readonly string _path;
    private readonly Socket _listener;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _signals;
    private readonly TimeProvider _time = TimeProvider.System;
    private long _lastCall;
    private int _calls;

    private ResidentServer(string path, Socket listener)
    {
        _path = path;
        _listener = listener;
        _lastCall = _time.GetTimestamp();

        // Ctrl+C in the terminal that started it, or that terminal closing, is meant for the call, not for this process.
        _signals =
        [
            .. new[] { PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, c => c.Cancel = true)),

            // Asked to stop: no new call, the one it serves finishes, and its files go with it.
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                _stop.Cancel();
            }),
        ];
    }

    public static int Run(string path)
    {
        Console.SetIn(TextReader.Null);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);

        // One process per socket: the lock is held for its life, and a second one started at the same moment leaves.
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return 0;
        }

        using (lockFile)
        {
            RemoveLeftovers(path);
            File.Delete(path); // a socket left by a process that died
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);
            File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var server = new ResidentServer(path, listener);
            using (ResidentCache.Start())
            {
                server.ServeAsync().GetAwaiter().GetResult();
            }

            // The lock is still held, so no other process has it: one that opened it meanwhile failed to lock it and left.
            RemoveFiles(path);
        }

        return 0;
    }

    /// <summary>
    /// A caller went away while its call still runs and it does not end (a read that ignores cancellation): this process
    /// leaves rather than refuse every later call; the next call starts another.
    /// </summary>
    private void LeaveIfStuck()
    {
        StopListening();
        RemoveFiles(_path);
        Environment.Exit(ExitCodes.Failure);
    }

    /// <summary>The files of resident processes that are gone (killed, an older build): those whose lock nobody holds.</summary>
    private static void RemoveLeftovers(string path)
    {
        foreach (var lockPath in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "cli-*.sock.lock"))
        {
            var socket = lockPath[..^".lock".Length];
            if (socket == path)
            {
                continue;
            }

            try
            {
                using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    RemoveFiles(socket);
                }
            }
            catch (IOException)
            {
                // Held: that process is alive and keeps its files.
            }
        }
    }

    /// <summary>A resident process's socket, pid file and lock file.</summary>
    private static void RemoveFiles(string socket)
    {
        File.Delete(socket);
        File.Delete(socket + ".pid");
        File.Delete(socket + ".lock");
    }

    public void Dispose()
    {
        _listener.Dispose();
        _stop.Dispose();
        _gate.Dispose();
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    private async Task ServeAsync()
    {
        var calls = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            using (var look = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                look.CancelAfter(LookEvery);
                try
                {
                    connection = await _listener.AcceptAsync(look.Token);
                }
                catch (OperationCanceledException)
                {
                    // Idle for long, or its socket deleted (nobody can reach it): it leaves.
                    var idle = _gate.CurrentCount == 1 && _time.GetElapsedTime(Interlocked.Read(ref _lastCall)) > IdleLimit;
                    if (idle || !File.Exists(_path))
                    {
                        break;
                    }

                    continue;
                }
            }

            calls.RemoveAll(c => c.IsCompleted);
            calls.Add(Task.Run(() => AnswerAsync(connection)));
        }

        // No new call reaches a process that is leaving; those it took finish.
        StopListening();
        await Task.WhenAll(calls);
    }

    private async Task AnswerAsync(Socket connection)
    {
        using (connection)
        await using (var stream = new NetworkStream(connection, ownsSocket: false))
        {
            ResidentRequest? request;
            try
            {
                request = ResidentRequest.ReadFrom(stream);
                if (request is null || !await _gate.WaitAsync(0))
                {
                    WriteFrame(stream, ResidentFrame.Busy, []);
                    return;
                }
            }
            catch (IOException)
            {
                return;
            }

            try
            {
                WriteFrame(stream, ResidentFrame.Started, []);
                var exitCode = await ResidentCall.RunAsync(request, stream, LeaveIfStuck);
                Span<byte> code = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(code, exitCode);
                WriteFrame(stream, ResidentFrame.Exit, code);
            }
            catch (IOException)
            {
                // The caller went away (Ctrl+C, killed): its call was cancelled.
            }
            finally
            {
                Interlocked.Exchange(ref _lastCall, _time.GetTimestamp());
                if (Interlocked.Increment(ref _calls) >= CallLimit || Environment.WorkingSet > MemoryLimit || !File.Exists(_path))
                {
                    await _stop.CancelAsync();
                    StopListening();
                }

                _gate.Release();
            }
        }
    }

    private void StopListening()
    {
        // The path is this process's while it holds the lock: no other can have bound it since.
        File.Delete(_path);

        _listener.Close();
    }

    /// <summary>Writes one frame; the caller's output and error can come from different threads.</summary>
    internal static void WriteFrame(Stream stream, ResidentFrame kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        lock (stream)
        {
            stream.Write(header);
            stream.Write(payload);
        }
    }
}
