using System.Diagnostics;
using System.Globalization;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The worker's own resident memory after a run. On Linux one read of <c>/proc/self/statm</c>: the
/// <see cref="Process"/> route parses several proc files and cost most of a millisecond a run.
/// </summary>
internal static class ResidentMemory
{
    private const string Statm = "/proc/self/statm";

    public static long Bytes()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // "size resident shared text lib data dt", in pages.
                Span<byte> buffer = stackalloc byte[128];
                using var file = new FileStream(Statm, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
                var text = buffer[..file.Read(buffer)];
                var fields = System.Text.Encoding.ASCII.GetString(text).Split(' ');
                if (fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages))
                {
                    return pages * Environment.SystemPageSize;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Fall back below.
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
