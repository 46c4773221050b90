namespace MarketingOps.Packaging.Tests;

/// <summary>
/// One local package feed per test run: the solution's build output packed once (`dotnet pack --no-build`) into a
/// temporary folder outside the repository, which the tests install from as a user would from any feed.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private readonly Dictionary<string, Task> _packed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mops-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The configuration the solution (and these tests) were built in; pack reuses that build.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>A fresh empty folder under <see cref="Root"/> (outside the repository).</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Packs a project of the repository into the feed once; later calls wait for the first.</summary>
    public async Task PackAsync(string project)
    {
        Task pack;
        await _gate.WaitAsync();
        try
        {
            if (!_packed.TryGetValue(project, out pack!))
            {
                pack = Shell.RunAsync(RepositoryRoot, "dotnet", ["pack", Path.Combine(RepositoryRoot, project), "--no-build", "-c", Configuration, "-o", Feed, "-v", "q", "-nologo"]);
                _packed[project] = pack;
            }
        }
        finally
        {
            _gate.Release();
        }

        await pack;
    }

    /// <summary>The version of a packed package, read from its file name.</summary>
    public string VersionOf(string packageId)
    {
        var file = Directory.EnumerateFiles(Feed, packageId + ".*.nupkg").Select(Path.GetFileNameWithoutExtension).Single(f => char.IsDigit(f![packageId.Length + 1]));
        return file![(packageId.Length + 1)..];
    }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MarketingOps.sln not found above " + AppContext.BaseDirectory);
    }
}
