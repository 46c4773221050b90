namespace MarketingOps.Scripting.Tests.Support;

/// <summary>A temporary folder of scripts, deleted afterwards.</summary>
public sealed class ScriptFolder : IDisposable
{
    public ScriptFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mops-scripts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string CacheDirectory => Path.Combine(Root, "cache", "scripts");

    /// <summary>Writes a file (folders created) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
