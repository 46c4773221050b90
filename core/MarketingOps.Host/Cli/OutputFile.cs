using System.Text;

namespace MarketingOps.Host.Cli;

/// <summary>A file a command writes at the user's request (<c>--html</c>, <c>--csv</c>): its folder is created, it is UTF-8 without a byte-order mark.</summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="file"/> and returns its full path, to tell the user where it went.</summary>
    public static async Task<string> WriteAsync(string file, string content, CancellationToken cancellationToken) =>
        await WriteAsync(file, writer => writer.WriteAsync(content.AsMemory(), cancellationToken), cancellationToken);

    public static async Task<string> WriteAsync(string file, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await write(writer);
        await writer.FlushAsync(cancellationToken);
        return path;
    }
}
