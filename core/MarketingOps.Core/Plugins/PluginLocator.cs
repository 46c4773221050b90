using MarketingOps.Sdk;
using NuGet.Versioning;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// Finds a plugin that <c>plugins.json</c> names by id only: in the client's <c>plugins/</c> folder first (where
/// <c>mops plugins install</c> puts them), then among the plugins that ship with the host (<c>plugins/</c> beside the
/// executable in the installed tool, or <c>artifacts/plugins/</c> of the repository a development build came from).
/// </summary>
internal static class PluginLocator
{
    /// <summary>The client folder's own plugins, as <c>plugins/&lt;id&gt;/&lt;version&gt;/</c>.</summary>
    public const string ClientPluginsFolder = "plugins";

    /// <summary>Where the host's own plugins are, in the order they are searched.</summary>
    public static IReadOnlyList<string> BundledRoots { get; } = FindBundledRoots();

    /// <summary>The folder of plugin <paramref name="id"/>, or null with the places searched.</summary>
    public static (string? Directory, string Searched) Find(string clientFolder, string id)
    {
        var roots = new List<string> { Path.Combine(clientFolder, ClientPluginsFolder) };
        roots.AddRange(BundledRoots);
        foreach (var root in roots)
        {
            if (FindIn(root, id) is { } found)
            {
                return (found, "");
            }
        }

        return (null, string.Join(", ", roots));
    }

    /// <summary>The ids of the plugins that ship with the host, for messages and <c>mops init</c>.</summary>
    public static IReadOnlyList<string> BundledIds() =>
        [.. BundledRoots.SelectMany(Manifests).Select(m => m.Manifest.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A plugin under <paramref name="root"/>: <c>&lt;id&gt;/</c>, the highest <c>&lt;id&gt;/&lt;version&gt;/</c>, or any folder whose manifest has the id.</summary>
    public static string? FindIn(string root, string id)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        var named = Path.Combine(root, id);
        if (HasManifest(named, id))
        {
            return named;
        }

        if (Directory.Exists(named))
        {
            var versions = Directory.EnumerateDirectories(named)
                .Select(d => (Path: d, Version: NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null))
                .Where(d => d.Version is not null && HasManifest(d.Path, id))
                .OrderByDescending(d => d.Version)
                .ToList();
            if (versions.Count > 0)
            {
                return versions[0].Path;
            }
        }

        // A loop, not LINQ over tuples: generic code over value types is jitted at every start even in a ReadyToRun build.
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            if (PluginManifestReader.Read(directory).Manifest?.Id == id)
            {
                return directory;
            }
        }

        return null;
    }

    private static bool HasManifest(string directory, string id) =>
        File.Exists(Path.Combine(directory, PluginManifest.FileName)) && PluginManifestReader.Read(directory).Manifest?.Id == id;

    private static IEnumerable<(string Directory, PluginManifest Manifest)> Manifests(string root) =>
        !Directory.Exists(root)
            ? []
            : Directory.EnumerateDirectories(root)
                .Select(d => (Directory: d, PluginManifestReader.Read(d).Manifest))
                .Where(m => m.Manifest is not null)
                .Select(m => (m.Directory, m.Manifest!));

    private static List<string> FindBundledRoots()
    {
        var roots = new List<string> { Path.Combine(AppContext.BaseDirectory, ClientPluginsFolder) };
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                roots.Add(Path.Combine(directory.FullName, "artifacts", "plugins"));
                break;
            }
        }

        return roots;
    }
}
