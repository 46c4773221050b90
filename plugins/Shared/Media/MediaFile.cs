using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Shared;

/// <summary>Reads a draft's media file for upload.</summary>
internal static class MediaFile
{
    /// <summary>The file's bytes, or no bytes and a rejection naming the file (not its full path) when it cannot be read.</summary>
    public static async Task<(byte[] Bytes, PlatformError? Error)> ReadAsync(MediaAttachment media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        try
        {
            return (await File.ReadAllBytesAsync(media.Path, cancellationToken), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], new PlatformError(PlatformErrorKind.Rejected, $"Media file {Path.GetFileName(media.Path)} could not be read: {e.Message}") { Code = "media" });
        }
    }

    /// <summary>The file name with anything but ASCII letters, digits, '.', '-' and '_' replaced, for a multipart header.</summary>
    public static string SafeFileName(string path) =>
        new(Path.GetFileName(path).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
