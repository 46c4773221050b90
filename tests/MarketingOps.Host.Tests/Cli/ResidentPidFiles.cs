using System.Globalization;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>The resident mops processes listening in a runtime folder ($XDG_RUNTIME_DIR), by their pid files.</summary>
internal static class ResidentPidFiles
{
    public static List<int> Read(string runtimeFolder)
    {
        var folder = Path.Combine(runtimeFolder, "mops");
        var pids = new List<int>();
        foreach (var pidFile in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pid") : [])
        {
            try
            {
                pids.Add(int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                // Being written or removed.
            }
        }

        return pids;
    }
}
