using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MarketingOps.Host.Tests;

/// <summary>
/// Signals sent through a pidfd, so a signal meant for a process that has ended never reaches the one that got its
/// number next. Numbers come round fast: CI machines have a pid_max of 32,768, every thread takes one, and Linux
/// delivers a signal sent to a thread's number to its whole process, so a stale <c>kill</c> from one test project could
/// reach another project's test process running beside it.
/// </summary>
internal static partial class ProcessSignal
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int Stop = 19;

    private const long PidfdOpen = 434; // the same number on every Linux architecture
    private const long PidfdSendSignal = 424;
    private const short PollIn = 1;

    /// <summary>
    /// Sends <paramref name="signal"/> to a child this process started; false when it has ended. The pidfd is taken
    /// first and the child's state read after: a child not yet reaped then still held its number when the pidfd was
    /// taken, so the signal reaches it or no one.
    /// </summary>
    public static bool ToChild(Process child, int signal)
    {
        ArgumentNullException.ThrowIfNull(child);
        using var pidfd = Open(child.Id);
        return pidfd is not null && !child.HasExited && Send(pidfd, signal);
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to <paramref name="pid"/> only if its environment holds
    /// <paramref name="entry"/> (<c>NAME=value</c>): a process this test did not start (one that a command left running),
    /// known by a pid file that may have outlived it. False when no such process has that number.
    /// </summary>
    public static bool ToProcessWith(int pid, string entry, int signal)
    {
        using var pidfd = OpenHolding(pid, entry);
        return pidfd is not null && Send(pidfd, signal);
    }

    /// <summary>
    /// Asks the process at <paramref name="pid"/> that holds <paramref name="entry"/> to end (SIGTERM), as a user's
    /// logout would, and kills it if it is still there after <paramref name="patience"/>. Does nothing when no such
    /// process has that number.
    /// </summary>
    public static void End(int pid, string entry, TimeSpan patience)
    {
        using var pidfd = OpenHolding(pid, entry);
        if (pidfd is null || !Send(pidfd, Terminate))
        {
            return;
        }

        // A pidfd turns readable when its process ends.
        var watched = new PollDescriptor { Descriptor = (int)pidfd.DangerousGetHandle(), Events = PollIn };
        if (Poll(ref watched, 1, (int)patience.TotalMilliseconds) == 0)
        {
            Send(pidfd, Kill);
        }
    }

    private static SafeFileHandle? Open(int pid)
    {
        var fd = Syscall(PidfdOpen, pid, 0, 0, 0);
        return fd < 0 ? null : new SafeFileHandle((nint)fd, ownsHandle: true);
    }

    /// <summary>
    /// A pidfd for <paramref name="pid"/> if, once it is taken, the process's environment holds <paramref name="entry"/>.
    /// Should the number change hands between the two, what is sent through the pidfd reaches no one.
    /// </summary>
    private static SafeFileHandle? OpenHolding(int pid, string entry)
    {
        var pidfd = Open(pid);
        if (pidfd is not null && !Environment(pid).Contains(entry))
        {
            pidfd.Dispose();
            return null;
        }

        return pidfd;
    }

    private static bool Send(SafeFileHandle pidfd, int signal) =>
        Syscall(PidfdSendSignal, pidfd.DangerousGetHandle(), signal, 0, 0) == 0; // no siginfo, no flags

    /// <summary>The entries of /proc/<paramref name="pid"/>/environ; none when it cannot be read (gone, or a zombie).</summary>
    private static HashSet<string> Environment(int pid)
    {
        try
        {
            return [.. Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ")).Split('\0')];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(ref PollDescriptor descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, nint first, long second, long third, long fourth);
}
