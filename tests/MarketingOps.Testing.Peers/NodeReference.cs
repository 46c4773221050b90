using System.Diagnostics;

namespace MarketingOps.Testing.Peers;

/// <summary>Runs a reference implementation under Node.js (the machine's <c>node</c>), with npm packages installed outside the repository.</summary>
public static class NodeReference
{
    /// <summary>Where the npm reference packages are installed: <c>$MOPS_PEERS_DIR/NAME</c> (default /tmp/mops-peers/NAME), as <c>.ci/run</c> does.</summary>
    public static string PackageFolder(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("MOPS_PEERS_DIR") is { Length: > 0 } root ? root : "/tmp/mops-peers", name);

    /// <summary>Runs <c>node SCRIPT ARGS</c> with <paramref name="modules"/> on NODE_PATH; returns standard output, or throws with standard error.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, string? modules, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (modules is not null)
        {
            info.Environment["NODE_PATH"] = modules;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"node {Path.GetFileName(script)} exited {process.ExitCode}: {await error}");
    }

    /// <summary>Skips (or fails under CI) unless <c>node</c> runs here.</summary>
    public static void Require()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            process?.WaitForExit();
            if (process is { ExitCode: 0 })
            {
                return;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        PeerUnavailable.SkipOrFail("node (Node.js) is not on PATH");
    }
}
