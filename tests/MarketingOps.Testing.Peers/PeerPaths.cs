namespace MarketingOps.Testing.Peers;

/// <summary>Where the repository and the shared peers folder (<c>../shared/peers</c> beside the clone) are.</summary>
public static class PeerPaths
{
    /// <summary>The folder holding MarketingOps.sln, found by walking up from the test's output folder.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared peers folder: <c>MOPS_SHARED_PEERS</c>, else the nearest <c>shared/peers</c> beside the repository or above it.</summary>
    public static string SharedPeers { get; } = FindSharedPeers();

    /// <summary>A file below the shared peers folder.</summary>
    public static string Shared(params string[] parts) => Path.Combine([SharedPeers, .. parts]);

    // CI clones next to shared/; a developer's git worktree may sit one level deeper (wt/<name>), so keep walking up.
    private static string FindSharedPeers()
    {
        if (Environment.GetEnvironmentVariable("MOPS_SHARED_PEERS") is { Length: > 0 } overridden)
        {
            return overridden;
        }

        for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "peers");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "peers"));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketingOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MarketingOps.sln not found above {AppContext.BaseDirectory}.");
    }
}
