namespace MarketingOps.Host.Cli;

/// <summary>
/// How a path is shown to a person: relative to a folder (the current one by default) when it lies inside it, else in
/// full, never as a climb of <c>../../..</c> out of wherever the command happened to run.
/// </summary>
internal static class DisplayPath
{
    public static string Of(string path, string? from = null)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(from ?? Directory.GetCurrentDirectory(), full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside ? full : relative;
    }
}
