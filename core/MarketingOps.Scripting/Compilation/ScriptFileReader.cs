using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MarketingOps.Scripting.Compilation;

/// <summary>
/// Reads a script file whole, or says why it will not. A script file is a regular file with one name, and a script
/// with the files it loads has at most <see cref="MaxBytes"/>: a named pipe would block the read forever (past any timeout, as nothing has
/// started yet), a huge file would fill the host's memory before the compiler's worker and its limits see it, and a
/// hard link is another name for a file the path rules (<see cref="ScriptFileRule"/>) would refuse, such as a key in
/// <c>secrets/</c>. On Linux the file is opened without waiting and the checks are made on what was opened, so a file
/// swapped between the check and the read is caught too; elsewhere only the size is checked.
/// </summary>
internal static partial class ScriptFileReader
{
    /// <summary>The most a script and the files it loads may have in all: a typical script has a few kilobytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private const int ReadOnly = 0; // O_RDONLY
    private const int NoBlock = 0x800; // O_NONBLOCK: opening a named pipe does not wait for a writer
    private const int NoTerminal = 0x100; // O_NOCTTY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: statx on the descriptor itself
    private const uint Wanted = 0x1 | 0x4 | 0x200; // STATX_TYPE | STATX_NLINK | STATX_SIZE
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG

    /// <summary>The file's bytes, or null with <paramref name="problem"/> saying why not ("is …").</summary>
    /// <param name="path">The file.</param>
    /// <param name="left">What is left of <see cref="MaxBytes"/> after the files of the script read before it.</param>
    /// <param name="problem">Why the file was not read.</param>
    public static byte[]? Read(string path, int left, out string? problem)
    {
        try
        {
            using var stream = Open(path, left, out problem);
            return stream is null ? null : ReadBounded(stream, left, out problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"could not be read ({ex.Message})";
            return null;
        }
    }

    private static FileStream? Open(string path, int left, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }

        var fd = OpenFile(path, ReadOnly | NoBlock | NoTerminal | CloseOnExec);
        if (fd < 0)
        {
            problem = $"could not be opened ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})";
            return null;
        }

        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        Span<byte> status = stackalloc byte[256]; // struct statx, the same on every Linux architecture
        if (Statx(fd, "", EmptyPath, Wanted, ref MemoryMarshal.GetReference(status)) != 0)
        {
            problem = $"could not be examined ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})";
        }
        else if ((BinaryPrimitives.ReadUInt16LittleEndian(status[28..]) & TypeMask) != RegularFile)
        {
            problem = "is not a regular file (a named pipe, device or socket), so it was not read";
        }
        else if (BinaryPrimitives.ReadUInt32LittleEndian(status[16..]) is var links and > 1)
        {
            problem = $"has {links - 1} other name{(links > 2 ? "s" : "")} (hard links), so it was not read: the folder rules cannot tell what a linked file really is; copy it instead of linking it";
        }
        else if (BinaryPrimitives.ReadUInt64LittleEndian(status[40..]) is var size && size > (ulong)left)
        {
            problem = TooLarge(size, left);
        }

        if (problem is not null)
        {
            handle.Dispose();
            return null;
        }

        return new FileStream(handle, FileAccess.Read, bufferSize: 0);
    }

    /// <summary>
    /// Reads at most one byte past the limit, so a file that grew after it was examined is refused, not read whole. The
    /// buffer starts at the file's size (every run reads its script: a few kilobytes, not the limit) and grows only
    /// while the file does.
    /// </summary>
    private static byte[]? ReadBounded(FileStream stream, int left, out string? problem)
    {
        var buffer = new byte[Math.Min(stream.CanSeek ? stream.Length : left, left) + 1];
        var length = 0;
        while ((length += stream.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false)) == buffer.Length
               && buffer.Length <= left)
        {
            Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, left + 1L));
        }

        problem = length > left ? TooLarge(stream.CanSeek ? (ulong)stream.Length : (ulong)length, left) : null;
        return problem is null ? buffer.AsSpan(0, length).ToArray() : null;
    }

    private static string TooLarge(ulong size, int left) => left == MaxBytes
        ? $"is {size:N0} bytes, more than the {MaxBytes:N0} a script and the files it loads may have in all, so it was not read"
        : $"is {size:N0} bytes, more than the {left:N0} left of the {MaxBytes:N0} a script and the files it loads may have in all, so it was not read";

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
