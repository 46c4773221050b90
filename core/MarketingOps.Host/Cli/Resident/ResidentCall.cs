using System.Text;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// One call served by the resident process, as if its caller's process ran it: the caller's environment, working
/// directory, output streams and terminal; and nothing of it left behind for the next call (open database files,
/// the per-command state of the error reporter).
/// </summary>
internal static class ResidentCall
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>How long a call may go on once its caller has gone before the process gives up on it.</summary>
    private static readonly TimeSpan StuckAfterHangUp = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(ResidentRequest request, Stream connection, Action leaveIfStuck)
    {
        using var hangUp = new CancellationTokenSource();
        var completed = 0;
        using var stuck = hangUp.Token.Register(() =>
        {
            if (Volatile.Read(ref completed) == 0)
            {
                _ = LeaveIfStuckAsync();
            }
        });
        var watch = WatchHangUpAsync(connection, hangUp);
        var output = new StreamWriter(new ResidentOutput(connection, ResidentFrame.Output), Utf8) { AutoFlush = true };
        var error = new StreamWriter(new ResidentOutput(connection, ResidentFrame.Error), Utf8) { AutoFlush = true };
        try
        {
            Enter(request, output, error);
            if (request.Arguments.Contains("--verbose", StringComparer.Ordinal))
            {
                await error.WriteLineAsync($"mops: served by the resident mops process {Environment.ProcessId} ({ResidentEndpoint.Switch}=0 runs each command in a process of its own)");
            }

            return await Program.RunCommandsAsync([.. request.Arguments], hangUp.Token);
        }
        finally
        {
            Volatile.Write(ref completed, 1);
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            await output.DisposeAsync();
            await error.DisposeAsync();

            // A client folder can be deleted and made again between two calls: no connection may outlive its call.
            SqliteConnection.ClearAllPools();
            ErrorReporter.LogPattern = null;
            ErrorReporter.StoreFiles = null;
            ErrorReporter.SettingsFile = null;
            await hangUp.CancelAsync();
            await watch;
        }

        async Task LeaveIfStuckAsync()
        {
            await Task.Delay(StuckAfterHangUp, TimeProvider.System);
            if (Volatile.Read(ref completed) == 0)
            {
                leaveIfStuck();
            }
        }
    }

    private static void Enter(ResidentRequest request, TextWriter output, TextWriter error)
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => !request.Environment.ContainsKey(n)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in request.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Environment.CurrentDirectory = request.Directory;
        Console.SetOut(output);
        Console.SetError(error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = request.OutputIsTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = request.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // As the caller's own process would lay it out: its terminal's width, or 200 columns when redirected.
        console.Profile.Width = request.OutputIsTerminal && request.Width > 0 ? request.Width : 200;
        AnsiConsole.Console = console;
    }

    /// <summary>Cancels the call when its caller goes away (Ctrl+C, killed): it sends nothing after its request.</summary>
    private static async Task WatchHangUpAsync(Stream connection, CancellationTokenSource hangUp)
    {
        var buffer = new byte[1];
        try
        {
            while (await connection.ReadAsync(buffer, hangUp.Token) > 0)
            {
            }

            await hangUp.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
