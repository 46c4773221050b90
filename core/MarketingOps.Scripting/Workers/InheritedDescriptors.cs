using System.Runtime.InteropServices;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// Marks every descriptor the host holds above standard error close-on-exec before a worker starts. .NET opens its own
/// that way, but the host itself inherits whatever its parent left open (a shell's pipe, a service manager's socket)
/// without the flag, and a worker would inherit those in turn: a script could read or write them, and a pipe end held
/// by a worker keeps its other end from ever seeing the close.
/// </summary>
internal static partial class InheritedDescriptors
{
    private const int GetFlags = 1; // F_GETFD
    private const int SetFlags = 2; // F_SETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    /// <summary>Seals the host's descriptors; on systems without <c>/proc/self/fd</c> it does nothing.</summary>
    public static void Seal()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Read whole first: the listing's own descriptor is open (close-on-exec) while it is enumerated.
        foreach (var entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2 && Fcntl(fd, GetFlags, 0) is var flags and >= 0 && (flags & CloseOnExec) == 0)
            {
                _ = Fcntl(fd, SetFlags, flags | CloseOnExec); // a descriptor closed meanwhile fails with EBADF, which is as good
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command, int argument);
}
