using System.Globalization;
using System.Text;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Files by path, time and size, one line each, as a string: equal stamps mean no file was written, replaced, added or
/// removed since (how a long-lived process tells what it keeps is still what is on disk). A missing file stamps as its
/// path alone.
/// </summary>
internal static class FileStamp
{
    public static string Of(IEnumerable<FileInfo> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stamp = new StringBuilder();
        foreach (var file in files)
        {
            stamp.Append(file.FullName).Append(':');
            if (file.Exists)
            {
                stamp.Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append(':')
                    .Append(file.Length.ToString(CultureInfo.InvariantCulture));
            }

            stamp.Append('\n');
        }

        return stamp.ToString();
    }
}
