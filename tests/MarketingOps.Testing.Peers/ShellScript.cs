using System.Diagnostics;

namespace MarketingOps.Testing.Peers;

/// <summary>Runs one of the shared peer scripts and returns its output.</summary>
public static class ShellScript
{
    /// <summary>Runs <c>bash script args…</c>; returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        // Standard input too: a test process's own is its runner's channel, not for a script or the peer it leaves running.
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start bash {script}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: false);
            return (-1, $"timed out after {timeout}: {await stdout}{await stderr}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>The last non-empty line of a script's output (the peer scripts print their URL there).</summary>
    public static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
