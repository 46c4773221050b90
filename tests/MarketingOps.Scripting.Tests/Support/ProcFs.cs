namespace MarketingOps.Scripting.Tests.Support;

/// <summary>What Linux's <c>/proc</c> says about processes: for the tests that check nothing of a worker outlives its run or its host.</summary>
public static class ProcFs
{
    /// <summary>Live script worker processes whose parent is <paramref name="parent"/>.</summary>
    public static IReadOnlyList<int> WorkersOf(int parent)
        => [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Stat(pid) is { } stat && stat.Parent == parent && stat.State != 'Z' && CommandLine(pid).Contains("mops-script-worker", StringComparison.Ordinal))];

    /// <summary>The process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' and not 'X' };

    /// <summary>The pipes and sockets a process holds open (as <c>pipe:[inode]</c>): the same text in two processes is the same kernel object.</summary>
    public static IReadOnlySet<string> SharedObjects(int pid)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (Target(fd) is { } target && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal)))
                {
                    found.Add(target);
                }
            }
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            // Gone meanwhile.
        }

        return found;
    }

    /// <summary>The descriptor numbers under which a process holds <paramref name="target"/> (for messages that say which).</summary>
    public static string DescriptorsOf(int pid, string target)
    {
        try
        {
            return string.Join(",", Directory.EnumerateFiles($"/proc/{pid}/fd").Where(fd => Target(fd) == target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>What one of its descriptors points at (<c>pipe:[inode]</c>, a path), or null.</summary>
    public static string? Descriptor(int pid, int fd) => Target($"/proc/{pid}/fd/{fd}");

    /// <summary>Its working folder, or null.</summary>
    public static string? WorkingFolder(int pid) => Target($"/proc/{pid}/cwd");

    /// <summary>Waits until the process has exited (or is a zombie); throws <see cref="TimeoutException"/> after <paramref name="patience"/>.</summary>
    public static async Task WaitForExitAsync(int pid, TimeSpan patience)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (IsAlive(pid))
        {
            if (TimeProvider.System.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"process {pid} ({CommandLine(pid)}) is still running after {patience.TotalSeconds:0} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private static string? Target(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // "1234 (dotnet) S 1200 ...": the state and the parent follow the last ')' (a command name may hold one).
    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
