using System.Globalization;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// Where this build's resident process listens: a Unix socket in a folder only the user can open, named after the
/// build (its assemblies' paths and times), so a rebuilt or updated mops never talks to a process of the old one.
/// </summary>
internal static class ResidentEndpoint
{
    /// <summary>The environment variable that turns the resident process off (<c>0</c>).</summary>
    public const string Switch = "MOPS_CLI_RESIDENT";

    private const int LongestSocketPath = 100; // sun_path holds 104 to 108 bytes

    public static bool Enabled => Environment.GetEnvironmentVariable(Switch) is not ("0" or "off" or "false");

    /// <summary>The socket's path, or null where none can be made safely (no user folder, a folder others can open).</summary>
    /// <param name="environment">The caller's environment, as its request carries it (read once per call).</param>
    public static string? SocketPath(IReadOnlyDictionary<string, string> environment)
    {
        if (OperatingSystem.IsWindows() || typeof(ResidentEndpoint).Assembly.Location is not { Length: > 0 } assembly)
        {
            return null;
        }

        var folder = Folder(environment);
        if (folder is null)
        {
            return null;
        }

        // The build (every assembly beside mops.dll: an incremental build can rewrite MarketingOps.Core.dll alone), and
        // what a process reads once at its start (time zone, culture, runtime settings): a call whose build or settings
        // differ from a running process's is served by another.
        var identity = new System.Text.StringBuilder($"{assembly}|{Environment.Version}");
        foreach (var file in new DirectoryInfo(Path.GetDirectoryName(assembly)!).EnumerateFiles("*.dll"))
        {
            identity.Append('|').Append(file.Name).Append(':').Append(file.LastWriteTimeUtc.Ticks).Append(':').Append(file.Length);
        }

        foreach (var variable in StartSettings(environment))
        {
            identity.Append('|').Append(variable).Append('=').Append(environment[variable]);
        }

        // The umask too: the files a call creates (a new client's data/, its logs) get the caller's permissions.
        identity.Append("|umask=").Append(Umask());

        var build = Fnv1a(identity.ToString());
        var path = Path.Combine(folder, "cli-" + build.ToString("x16", CultureInfo.InvariantCulture) + ".sock");
        return path.Length <= LongestSocketPath ? path : null;
    }

    /// <summary>This process's umask as Linux reports it (the runtime has no API for it); empty elsewhere.</summary>
    private static string Umask()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal))
                {
                    return line[6..].Trim();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return "";
    }

    private static List<string> StartSettings(IReadOnlyDictionary<string, string> environment)
    {
        var names = new List<string>();
        foreach (var name in environment.Keys)
        {
            if (name is "TZ" or "LANG" || name.StartsWith("LC_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("COMPlus_", StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? Folder(IReadOnlyDictionary<string, string> environment)
    {
        var root = environment.GetValueOrDefault("XDG_RUNTIME_DIR") is { Length: > 0 } runtime
            ? runtime
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (root.Length == 0)
        {
            return null;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var folder = Path.Combine(root, "mops");
        try
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            return File.GetUnixFileMode(folder) == OwnerOnly ? folder : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: a stable name (string hashes differ between processes).</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
