using System.Globalization;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script worker's main loop: JSON-RPC on standard input and output until the host closes them, then exit at once,
/// whatever a script left running. Nothing else may write to standard output, so the console is pointed elsewhere.
/// </summary>
internal static class WorkerProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var warmScripts = Option(args, "--warm-scripts") is { } warm ? int.Parse(warm, CultureInfo.InvariantCulture) : 8;
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);

        // Scripts wait on the host synchronously; a few more threads up front spare them the pool's slow ramp-up.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);

        using var rpc = WorkerChannel.ForWorker(output, input);
        using var endpoint = new WorkerEndpoint(rpc, warmScripts);
        endpoint.Register();
        rpc.StartListening();
        try
        {
            await rpc.Completion;
        }
        catch (Exception ex) when (ex is StreamJsonRpc.ConnectionLostException or OperationCanceledException or ObjectDisposedException)
        {
            // The host went away.
        }

        // A script stuck in a loop would keep the process alive past Main: the host is gone, so is its reason to run.
        Environment.Exit(0);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
