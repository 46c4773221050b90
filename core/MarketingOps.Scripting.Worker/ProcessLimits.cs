using System.Globalization;
using System.Runtime.InteropServices;

namespace MarketingOps.Scripting.Worker;

/// <summary>
/// The worker's own kernel limits, set before it runs anything a script wrote: private writable memory (RLIMIT_DATA,
/// the heap and stacks, not the address space .NET reserves without using) and no core dumps. Limits can only be
/// lowered, so nothing run later in the process can lift them.
/// </summary>
internal static partial class ProcessLimits
{
    private const int RlimitData = 2;
    private const int RlimitCore = 4;

    public static void Apply(string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Set(RlimitCore, 0);
        var index = Array.IndexOf(args, "--data-limit");
        if (index >= 0 && index + 1 < args.Length && ulong.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0)
        {
            Set(RlimitData, bytes);
        }
    }

    private static void Set(int resource, ulong value)
    {
        var limit = new Limit { Current = value, Maximum = value };
        if (SetLimit(resource, ref limit) != 0)
        {
            throw new InvalidOperationException($"setrlimit({resource}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, ref Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
