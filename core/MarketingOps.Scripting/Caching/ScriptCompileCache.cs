using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Caching;

/// <summary>Compiled scripts on disk (<c>&lt;client&gt;/cache/scripts/</c>), one <c>KEY.dll</c> + <c>KEY.pdb</c> pair per cache key.</summary>
/// <remarks>Files are written to a temporary name and moved into place, so a reader never sees half an image; a damaged pair is a miss.</remarks>
internal sealed class ScriptCompileCache(string directory)
{
    public string Directory { get; } = directory;

    public ScriptImage? TryGet(string key)
    {
        var (assembly, symbols) = PathsOf(key);
        try
        {
            return File.Exists(assembly) && File.Exists(symbols) ? new ScriptImage(File.ReadAllBytes(assembly), File.ReadAllBytes(symbols)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Store(string key, ScriptImage image)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var (assembly, symbols) = PathsOf(key);
        Write(symbols, image.Symbols);
        Write(assembly, image.Assembly);
    }

    public void Evict(string key)
    {
        var (assembly, symbols) = PathsOf(key);
        File.Delete(assembly);
        File.Delete(symbols);
    }

    private (string Assembly, string Symbols) PathsOf(string key) => (Path.Combine(Directory, key + ".dll"), Path.Combine(Directory, key + ".pdb"));

    private static void Write(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
