using Microsoft.Data.Sqlite;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// A runtime folder ($XDG_RUNTIME_DIR) of one test's own, so its resident mops process serves that test alone; calls
/// through it (served) and beside it (each in its own process); and the stopping of the processes it started.
/// </summary>
internal sealed class ResidentRuntime : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Root => _folder.Root;

    /// <summary>A call made in <paramref name="folder"/> with the resident process on: served once one listens.</summary>
    public Task<(int Exit, string Out, string Err)> ServedAsync(string folder, Dictionary<string, string>? environment, params string[] args) =>
        RunAsync(folder, new(environment ?? []) { ["MOPS_CLI_RESIDENT"] = "1", ["XDG_RUNTIME_DIR"] = Root }, args);

    /// <summary>The same call in a process of its own, as every call ran before the resident process.</summary>
    public static Task<(int Exit, string Out, string Err)> OwnProcessAsync(string folder, Dictionary<string, string>? environment, params string[] args) =>
        RunAsync(folder, new(environment ?? []) { ["MOPS_CLI_RESIDENT"] = "0" }, args);

    /// <summary>The resident processes listening here, by their pid files.</summary>
    public List<int> Pids() => ResidentPidFiles.Read(Root);

    /// <summary>Waits until the resident process the last call started listens (it writes its pid once bound).</summary>
    public async Task<int> WaitForResidentAsync(int? notPid = null)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (Pids() is [var pid] && pid != notPid)
            {
                return pid;
            }

            await Task.Delay(20, patience.Token);
        }
    }

    public async Task WaitForResidentsAsync(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Pids().Count < count)
        {
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>The Quartz triggers in a client's schedule.</summary>
    public static long Triggers(string home)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(home, "data", "schedule.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        // A pid file can outlive its process (a test kills one), so only a process of this folder's is killed, never
        // whoever has the number now.
        foreach (var pid in Pids())
        {
            ProcessSignal.ToProcessWith(pid, "XDG_RUNTIME_DIR=" + Root, ProcessSignal.Kill);
        }

        _folder.Dispose();
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(string folder, Dictionary<string, string> environment, string[] args)
    {
        using var mops = MopsProcess.Start(folder, environment, args);
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, mops.StandardOutput, mops.StandardError);
    }
}
