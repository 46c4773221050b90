using System.Reflection;
using MarketingOps.Scripting.Compilation;

namespace MarketingOps.Scripting.Running;

/// <summary>A compiled script loaded into its own collectible context, ready to run (again).</summary>
internal sealed class LoadedScript
{
    private LoadedScript(string key, ScriptLoadContext context, Assembly assembly, Func<object?[], Task<object>> factory, byte[] symbols)
    {
        Key = key;
        Context = context;
        Assembly = assembly;
        Factory = factory;
        Symbols = symbols;
    }

    /// <summary>The cache key of the sources it was compiled from.</summary>
    public string Key { get; }

    public ScriptLoadContext Context { get; }

    public Assembly Assembly { get; }

    /// <summary>The compiler's entry point: slot 0 of its argument holds the globals, slot 1 the submission it creates.</summary>
    public Func<object?[], Task<object>> Factory { get; }

    /// <summary>The portable PDB, for the script's own lines in errors.</summary>
    public byte[] Symbols { get; }

    /// <summary>When it last finished a run (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastUsed { get; set; }

    /// <summary>Loads the image, or says why it cannot be loaded (a damaged cache file).</summary>
    public static LoadedScript? TryLoad(ScriptImage image, string key, string name, out ScriptFailure? failure)
    {
        var context = new ScriptLoadContext(name);
        try
        {
            using var assemblyStream = new MemoryStream(image.Assembly, writable: false);
            using var symbolStream = new MemoryStream(image.Symbols, writable: false);
            var assembly = context.LoadFromStream(assemblyStream, symbolStream);
            var factory = assembly.GetType(ScriptEnvironment.ScriptClassName, throwOnError: true)!
                .GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)!
                .CreateDelegate<Func<object?[], Task<object>>>();
            failure = null;
            return new LoadedScript(key, context, assembly, factory, image.Symbols);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or TypeLoadException or NullReferenceException or MissingMethodException)
        {
            context.Unload();
            failure = ScriptFailure.WithoutLocation(ex, "The compiled script could not be loaded: " + ex.Message);
            return null;
        }
    }

    public void Unload() => Context.Unload();
}
