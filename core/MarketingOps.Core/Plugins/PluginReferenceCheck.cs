using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// Finds a plugin's references that conflict with what the host shares: the host gives every plugin its own copy of
/// the SDK and of the abstractions the SDK exposes, so a plugin built against a newer version of one of those (or
/// shipping a newer copy) would run on an older one and fail at the first missing member.
/// </summary>
internal static class PluginReferenceCheck
{
    private static readonly Lazy<IReadOnlyDictionary<string, Version>> Shared = new(SharedAssemblies);

    /// <summary>The names and versions of the assemblies the host shares with every plugin.</summary>
    public static IReadOnlyDictionary<string, Version> SharedVersions => Shared.Value;

    /// <summary>Reads every assembly in the plugin's folder without loading it; returns one line per conflict.</summary>
    public static IReadOnlyList<string> Check(string pluginDirectory)
    {
        var conflicts = new SortedSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(pluginDirectory))
        {
            return [];
        }

        foreach (var file in Directory.EnumerateFiles(pluginDirectory, "*.dll", SearchOption.AllDirectories))
        {
            try
            {
                using var stream = File.OpenRead(file);
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata)
                {
                    continue;
                }

                var reader = pe.GetMetadataReader();
                if (!reader.IsAssembly)
                {
                    continue;
                }

                var own = reader.GetAssemblyDefinition();
                var ownName = reader.GetString(own.Name);
                var shown = Path.GetRelativePath(pluginDirectory, file);
                if (Newer(ownName, own.Version) is { } hostVersion)
                {
                    conflicts.Add($"{shown} is {ownName} {own.Version}, but the host shares {ownName} {hostVersion} with every plugin and that one is used: build against {hostVersion} or older");
                }

                foreach (var handle in reader.AssemblyReferences)
                {
                    var reference = reader.GetAssemblyReference(handle);
                    var name = reader.GetString(reference.Name);
                    if (Newer(name, reference.Version) is { } shared)
                    {
                        conflicts.Add($"{shown} references {name} {reference.Version}, but the host shares {name} {shared} with every plugin: build against {shared} or older");
                    }
                }
            }
            catch (BadImageFormatException)
            {
                // A native library: nothing to compare.
            }
        }

        return [.. conflicts];
    }

    private static Version? Newer(string name, Version version) =>
        SharedVersions.TryGetValue(name, out var host) && version > host ? host : null;

    // The same closure McMaster shares: the shared types' assemblies and everything they reference, as loaded here.
    private static Dictionary<string, Version> SharedAssemblies()
    {
        var shared = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>(PluginActivator.SharedTypes.Select(t => t.Assembly.GetName()));
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is null || shared.ContainsKey(name.Name))
            {
                continue;
            }

            Assembly assembly;
            try
            {
                assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            shared[name.Name] = assembly.GetName().Version ?? new Version(0, 0);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        return shared;
    }
}
