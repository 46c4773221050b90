using System.Globalization;
using System.IO.MemoryMappedFiles;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script worker's main loop: JSON-RPC on standard input and output until the host closes them, then exit at once,
/// whatever a script left running. Nothing else may write to standard output, so the console is pointed elsewhere.
/// </summary>
internal static class WorkerProgram
{
    private static MemoryMappedFile? s_positionFile;
    private static MemoryMappedViewAccessor? s_positionView;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var warmScripts = Option(args, "--warm-scripts") is { } warm ? int.Parse(warm, CultureInfo.InvariantCulture) : 8;
        var input = Console.OpenStandardInput();
        var output = new DirectWriteStream(Console.OpenStandardOutput());
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);

        // Scripts wait on the host synchronously; a few more threads up front spare them the pool's slow ramp-up.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);

        TrackPositions();
        WorkerEndpoint? served = null; // set before the channel starts reading
        using var channel = WorkerChannel.ForWorker(output, input, (kind, value) => served!.Receive(kind, value));
        using var endpoint = served = new WorkerEndpoint(channel, warmScripts);
        endpoint.Register();
        channel.Start();
        try
        {
            await channel.Rpc.Completion;
        }
        catch (Exception ex) when (ex is StreamJsonRpc.ConnectionLostException or OperationCanceledException or ObjectDisposedException)
        {
            // The host went away.
        }

        // A script stuck in a loop would keep the process alive past Main: the host is gone, so is its reason to run.
        // The host may be gone without tidying up (killed), so the worker removes its own empty working folder.
        RemoveWorkingFolder();
        Environment.Exit(0);
        return 0;
    }

    /// <summary>
    /// Maps <see cref="WorkerFolder.PositionFile"/> and points the scripts' <see cref="ScriptBudget.At"/> at it: what a
    /// store to mapped memory wrote survives the process, so after a stack overflow the host reads the line it was at.
    /// </summary>
    private static unsafe void TrackPositions()
    {
        if (!Path.GetFileName(Environment.CurrentDirectory).StartsWith(WorkerFolder.Prefix, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            s_positionFile = MemoryMappedFile.CreateFromFile(Path.Combine(Environment.CurrentDirectory, WorkerFolder.PositionFile), FileMode.Create, null, sizeof(int), MemoryMappedFileAccess.ReadWrite);
            s_positionView = s_positionFile.CreateViewAccessor(0, sizeof(int));
            byte* pointer = null;
            s_positionView.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer); // held for the life of the process
            ScriptBudget.TrackPositionsIn((int*)(pointer + s_positionView.PointerOffset));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without it a death names the script's method, not its line.
        }
    }

    private static void RemoveWorkingFolder()
    {
        var folder = Environment.CurrentDirectory;
        if (!Path.GetFileName(folder).StartsWith(WorkerFolder.Prefix, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            File.Delete(Path.Combine(folder, WorkerFolder.PositionFile));
            Directory.Delete(folder, recursive: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not empty, or gone already: the host's own clean-up decides.
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
