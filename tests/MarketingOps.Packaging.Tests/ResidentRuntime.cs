using MarketingOps.Host.Tests;
using MarketingOps.Host.Tests.Cli;

namespace MarketingOps.Packaging.Tests;

/// <summary>
/// A runtime folder ($XDG_RUNTIME_DIR) of one test's own for the installed tool's resident process, which is stopped
/// when the test ends: one started in the user's folder lingered 10 minutes after the test run and served other runs.
/// </summary>
internal sealed class ResidentRuntime : IDisposable
{
    public ResidentRuntime(PackedFeed feed)
    {
        Root = feed.NewFolder("runtime");
    }

    public string Root { get; }

    /// <summary><paramref name="environment"/> with the resident process on, in this folder.</summary>
    public Dictionary<string, string> With(IReadOnlyDictionary<string, string> environment) =>
        new(environment) { ["MOPS_CLI_RESIDENT"] = "1", ["XDG_RUNTIME_DIR"] = Root };

    /// <summary>The resident processes listening here, by their pid files.</summary>
    public List<int> Pids() => ResidentPidFiles.Read(Root);

    public void Dispose()
    {
        // Asked as a user's logout would: it finishes, removes its files and leaves. A pid file can outlive its process
        // (one killed leaves it), so only a process of this folder's is signalled, never whoever has the number now.
        foreach (var pid in Pids())
        {
            ProcessSignal.End(pid, "XDG_RUNTIME_DIR=" + Root, TimeSpan.FromSeconds(30));
        }
    }
}
