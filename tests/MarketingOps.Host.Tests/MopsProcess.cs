using System.Diagnostics;
using System.Text;

namespace MarketingOps.Host.Tests;

/// <summary>Runs the real <c>mops</c> executable (copied next to the tests) as a child process.</summary>
internal sealed class MopsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private MopsProcess(Process process)
    {
        _process = process;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string StandardOutput { get { lock (_stdout) return _stdout.ToString(); } }

    public string StandardError { get { lock (_stderr) return _stderr.ToString(); } }

    public int Id => _process.Id;

    /// <summary>Whether the process has ended (on its own, or killed).</summary>
    public bool HasExited => _process.HasExited;

    public static MopsProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, environment: null, args);

    /// <summary>Starts mops with <paramref name="environment"/> set after the tests' defaults (so it can override them).</summary>
    public static MopsProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mops.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";

        // Each call in a process of its own, as the tests were written for; ResidentCliTests turn the resident process on
        // in a runtime folder of their own. MOPS_TEST_CLI_RESIDENT=1 runs the whole suite through it (one process for the run).
        if (System.Environment.GetEnvironmentVariable("MOPS_TEST_CLI_RESIDENT") != "1")
        {
            info.Environment["MOPS_CLI_RESIDENT"] = "0";
        }

        // `mops run` serves the API on 5080 by default; tests run side by side, so each takes a free port.
        info.Environment["MOPS_Web__Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var mops = new MopsProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (mops._stdout) mops._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (mops._stderr) mops._stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return mops;
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static Task<(int ExitCode, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
        => RunAsync(TimeSpan.FromSeconds(90), workingDirectory, args);

    /// <summary>Runs to completion within <paramref name="patience"/> and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(TimeSpan patience, string workingDirectory, params string[] args)
    {
        using var mops = Start(workingDirectory, args);
        var exit = await mops.WaitForExitAsync(patience);
        return (exit, mops.StandardOutput, mops.StandardError);
    }

    /// <summary>Runs to completion with <paramref name="input"/> piped to its standard input.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunWithInputAsync(string workingDirectory, string input, params string[] args)
    {
        using var mops = Start(workingDirectory, args);
        await mops._process.StandardInput.WriteAsync(input);
        mops._process.StandardInput.Close();
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, mops.StandardOutput, mops.StandardError);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!StandardOutput.Contains(text, StringComparison.Ordinal) && !StandardError.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"mops did not print \"{text}\". stdout:\n{StandardOutput}\nstderr:\n{StandardError}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Writes one line to the process's standard input and closes it (a piped password).</summary>
    public void WriteInputAndClose(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Close();
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown code runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Kills mops alone (not what it started), as a crash would.</summary>
    public void KillAlone() => _process.Kill(entireProcessTree: false);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (nothing once it has ended).</summary>
    public void Interrupt() => Signal(ProcessSignal.Interrupt);

    /// <summary>Sends <paramref name="signal"/> (see <see cref="ProcessSignal"/>); false once it has ended.</summary>
    public bool Signal(int signal) => ProcessSignal.ToChild(_process, signal);

    /// <summary>Waits for the end of a process that was killed.</summary>
    public void WaitForExit() => _process.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MarketingOps.sln not found above " + AppContext.BaseDirectory);
    }
}
