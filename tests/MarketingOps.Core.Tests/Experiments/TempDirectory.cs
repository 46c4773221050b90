namespace MarketingOps.Core.Tests.Experiments;

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempDirectory(bool inMemoryIfPossible = false) : IDisposable
{
    /// <summary>The folder; on Linux with <paramref name="inMemoryIfPossible"/>, under /dev/shm, so SQLite's syncs cost nothing in long sweeps.</summary>
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(
        inMemoryIfPossible && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(),
        "mops-exp-" + Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => Path.Combine(Root, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
