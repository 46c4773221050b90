namespace MarketingOps.Scripting.Compilation;

/// <summary>
/// Which files a script may be made of: <c>.csx</c> files only, and never anything in a client folder's <c>secrets/</c> or
/// <c>data/</c> folder or its configuration files, however the path is spelt (links, <c>..</c>, letter case). A file the
/// compiler reads is a file its errors quote, so a file that is not a script must never reach it.
/// </summary>
internal static class ScriptFileRule
{
    public const string Extension = ".csx";

    private static readonly string[] ProtectedFolders = ["secrets", "data"];

    /// <summary>The client folder's configuration files; the first two also mark a folder as a client folder.</summary>
    private static readonly string[] ConfigurationFiles = ["plugins.json", "mops.json", "scripts.json"];

    /// <summary>Whether <paramref name="path"/> names a C# script file by its extension.</summary>
    public static bool IsScriptFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why the file may not be part of a script, or null when it may. Checked on the path as written and on the file a
    /// symbolic link leads to; <paramref name="clientFolder"/> is the client folder when the caller knows it, and any
    /// folder above the file holding <c>plugins.json</c> or <c>mops.json</c> counts as one too (<c>mops script check</c>
    /// runs without one).
    /// </summary>
    public static string? Problem(string fullPath, string realPath, string? clientFolder)
    {
        if (Reason(fullPath, clientFolder) is { } reason)
        {
            return reason;
        }

        return realPath != fullPath && Reason(realPath, clientFolder) is { } through ? $"is a link to '{realPath}', which {through}" : null;
    }

    /// <summary>Why the file at <paramref name="path"/> (read as spelt, no links followed) may not be part of a script, as "is …".</summary>
    private static string? Reason(string path, string? clientFolder)
    {
        foreach (var client in ClientFolders(path, clientFolder))
        {
            var relative = Path.GetRelativePath(client, path);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && ProtectedFolders.FirstOrDefault(f => f.Equals(first, StringComparison.OrdinalIgnoreCase)) is { } folder)
            {
                return $"is in the client folder's {folder}/ folder, which scripts may never read";
            }

            if (ConfigurationFiles.FirstOrDefault(f => f.Equals(relative, StringComparison.OrdinalIgnoreCase)) is { } file)
            {
                return $"is the client's configuration file {file}, which scripts may never read";
            }
        }

        return IsScriptFile(path) ? null : $"is not a C# script file ({Extension})";
    }

    private static IEnumerable<string> ClientFolders(string path, string? clientFolder)
    {
        if (clientFolder is not null)
        {
            yield return Path.GetFullPath(clientFolder);
        }

        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, ConfigurationFiles[0])) || File.Exists(Path.Combine(folder, ConfigurationFiles[1])))
            {
                yield return folder;
            }
        }
    }
}
