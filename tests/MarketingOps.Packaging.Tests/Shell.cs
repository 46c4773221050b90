using System.Diagnostics;
using System.Text;
using MarketingOps.Host.Tests;

namespace MarketingOps.Packaging.Tests;

/// <summary>Runs a program the way a person at a terminal would, in a folder of the test's choosing, with a clean build environment.</summary>
internal sealed class Shell : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Shell(Process process) => _process = process;

    /// <summary>Standard output and error, interleaved as they arrived.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static Shell Start(string workingDirectory, string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test host runs inside `dotnet test`: MSBuild's variables would leak into a child `dotnet pack` or `dotnet build`.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        // Each mops call in a process of its own unless a test is about the resident process (ResidentRuntime).
        info.Environment["MOPS_CLI_RESIDENT"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var shell = new Shell(process);
        process.OutputDataReceived += (_, e) => shell.Append(e.Data);
        process.ErrorDataReceived += (_, e) => shell.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return shell;
    }

    /// <summary>Runs to the end; fails the test with the output when the exit code is not <paramref name="expectedExit"/>.</summary>
    public static async Task<string> RunAsync(string workingDirectory, string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, int expectedExit = 0, int timeoutSeconds = 300)
    {
        using var shell = Start(workingDirectory, program, args, environment);
        var exit = await shell.WaitForExitAsync(TimeSpan.FromSeconds(timeoutSeconds));
        Assert.True(exit == expectedExit, $"`{program} {string.Join(' ', args)}` in {workingDirectory} exited {exit}, expected {expectedExit}:\n{shell.Output}");
        return shell.Output;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails when the program ends first or the timeout passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited, $"the program ended before printing \"{text}\":\n{Output}");
            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"\"{text}\" did not appear within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>Writes <paramref name="line"/> to the program's standard input and closes it (a piped secret).</summary>
    public void WriteInputAndClose(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Close();
    }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void Interrupt() => ProcessSignal.ToChild(_process, ProcessSignal.Interrupt);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
