using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// A client folder's own plugins, each in <c>plugins/&lt;id&gt;/&lt;version&gt;/</c>: installs one from a package or
/// a folder after checking it, removes one, and drops older versions once the host runs the newer one.
/// </summary>
internal sealed class InstalledPlugins(string clientFolder)
{
    private string Root => Path.Combine(clientFolder, PluginLocator.ClientPluginsFolder);

    private string PluginsFilePath => Path.Combine(clientFolder, PluginsFile.FileName);

    /// <summary>Checks and installs the plugin in <paramref name="source"/> (a <c>.nupkg</c> or a folder), and points <c>plugins.json</c> at it.</summary>
    public InstallResult Install(string source)
    {
        var full = Path.GetFullPath(source);
        string? extracted = null;
        try
        {
            string folder;
            if (File.Exists(full))
            {
                extracted = Path.Combine(Path.GetTempPath(), "mops-install-" + Guid.NewGuid().ToString("N"));
                ZipFile.ExtractToDirectory(full, extracted);
                folder = FindPluginFolder(extracted) ?? throw new PluginInstallException($"{source} holds no {PluginManifest.FileName}: a plugin package carries its build output, with {PluginManifest.FileName}, under plugin/");
            }
            else if (Directory.Exists(full))
            {
                folder = full;
            }
            else
            {
                throw new PluginInstallException($"{source} is neither a .nupkg file nor a folder");
            }

            var manifest = Check(folder, source);
            var target = Path.Combine(Root, manifest.Id, manifest.Version);
            if (Directory.Exists(target))
            {
                throw new PluginInstallException($"{manifest.Id} {manifest.Version} is already installed in {target}; run `mops plugins remove {manifest.Id}` first, or install a newer version");
            }

            var previous = PluginLocator.FindIn(Root, manifest.Id);
            CopyAtomically(folder, target);
            var relative = string.Join('/', PluginLocator.ClientPluginsFolder, manifest.Id, manifest.Version);
            var json = File.Exists(PluginsFilePath) ? File.ReadAllText(PluginsFilePath) : "{\n  \"plugins\": []\n}\n";
            WriteAtomically(PluginsFilePath, PluginsFileEditor.SetPath(json, manifest.Id, relative));
            return new InstallResult(manifest, target, relative, previous is null || previous == target ? null : previous, PluginReferenceCheck.Check(target));
        }
        finally
        {
            if (extracted is not null)
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    /// <summary>Removes the plugin's entry from <c>plugins.json</c> and its installed folder; false when neither existed.</summary>
    public bool Remove(string id)
    {
        var removed = false;
        if (File.Exists(PluginsFilePath) && PluginsFileEditor.TryRemove(File.ReadAllText(PluginsFilePath), id, out var edited))
        {
            WriteAtomically(PluginsFilePath, edited);
            removed = true;
        }

        var folder = Path.Combine(Root, id);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
            removed = true;
        }

        return removed;
    }

    /// <summary>Deletes the other versions of each installed plugin whose <paramref name="inUse"/> folder the host now runs; returns what it deleted.</summary>
    public IReadOnlyList<string> PruneOlderVersions(IEnumerable<string> inUse)
    {
        var deleted = new List<string>();
        foreach (var directory in inUse.Select(Path.GetFullPath))
        {
            var parent = Path.GetDirectoryName(directory);
            if (parent is null || !string.Equals(Path.GetDirectoryName(parent), Path.GetFullPath(Root), StringComparison.Ordinal))
            {
                continue; // not an installed plugin of this client
            }

            foreach (var other in Directory.EnumerateDirectories(parent).Where(d => !string.Equals(d, directory, StringComparison.Ordinal)))
            {
                Directory.Delete(other, recursive: true);
                deleted.Add(other);
            }
        }

        return deleted;
    }

    private static PluginManifest Check(string folder, string source)
    {
        var (manifest, problem) = PluginManifestReader.Read(folder);
        if (manifest is null)
        {
            throw new PluginInstallException(problem!);
        }

        if (!NuGet.Versioning.NuGetVersion.TryParse(manifest.Version, out _) || manifest.Id.Contains('/', StringComparison.Ordinal) || manifest.Id.Contains('\\', StringComparison.Ordinal) || manifest.Id.StartsWith('.'))
        {
            throw new PluginInstallException($"{source}: {PluginManifest.FileName} has id \"{manifest.Id}\" and version \"{manifest.Version}\"; expected a plain id and a semantic version such as 1.2.0");
        }

        if (SdkCompatibility.Check(manifest) is { } unsupported)
        {
            throw new PluginInstallException($"{manifest.Id} {manifest.Version} is {unsupported}");
        }

        var entry = Path.Combine(folder, manifest.EntryAssembly);
        if (!File.Exists(entry))
        {
            throw new PluginInstallException($"{manifest.Id} {manifest.Version}: its entry assembly {manifest.EntryAssembly} is not in the package");
        }

        try
        {
            using var stream = File.OpenRead(entry);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            if (!reader.AssemblyReferences.Any(r => reader.GetString(reader.GetAssemblyReference(r).Name) == "MarketingOps.Sdk"))
            {
                throw new PluginInstallException($"{manifest.Id} {manifest.Version}: {manifest.EntryAssembly} does not reference MarketingOps.Sdk, so it cannot hold a plugin entry point");
            }
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            throw new PluginInstallException($"{manifest.Id} {manifest.Version}: {manifest.EntryAssembly} is not a .NET assembly ({e.Message})");
        }

        return manifest;
    }

    private static string? FindPluginFolder(string extracted)
    {
        var preferred = Path.Combine(extracted, "plugin");
        if (File.Exists(Path.Combine(preferred, PluginManifest.FileName)))
        {
            return preferred;
        }

        return Directory.EnumerateFiles(extracted, PluginManifest.FileName, SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .OrderBy(d => d!.Length)
            .FirstOrDefault();
    }

    // Copy beside the target, then move: a half-copied plugin never sits where the host would load it.
    private static void CopyAtomically(string from, string target)
    {
        var staging = target + ".installing-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(staging, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        Directory.Move(staging, target);
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
