using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Application;

/// <summary>
/// Media uploaded from the dashboard, kept in the client's folder under <c>media/</c> and named by a hash of the content,
/// so a file uploaded twice is kept once; a post attaches it by path, as <c>mops post schedule --media FILE</c> does.
/// </summary>
internal sealed partial class MediaLibrary(ClientFolder folder)
{
    /// <summary>The largest file taken (platforms refuse far smaller videos; their own checks say so per account).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    // The type is read from the first bytes, never from the name a browser sent.
    private static readonly (string Type, string Extension, Func<byte[], bool> Is)[] Kinds =
    [
        ("image/png", ".png", b => b.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ("image/jpeg", ".jpg", b => b.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF])),
        ("image/gif", ".gif", b => b.AsSpan().StartsWith("GIF8"u8)),
        ("image/webp", ".webp", b => b.Length >= 12 && b.AsSpan(0, 4).SequenceEqual("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        ("video/mp4", ".mp4", b => b.Length >= 8 && b.AsSpan(4, 4).SequenceEqual("ftyp"u8)),
    ];

    public string Directory => System.IO.Path.Combine(folder.Root, "media");

    /// <summary>The types taken, for the file picker's <c>accept</c>.</summary>
    public static string Accept => string.Join(",", Kinds.Select(k => k.Type));

    /// <summary>Keeps an uploaded file; a clear refusal (as an <see cref="ApiProblemException"/> on <paramref name="field"/>) when it is empty, too large or of another type.</summary>
    public async Task<MediaItem> SaveAsync(Stream content, long length, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0 || length > MaxBytes)
        {
            throw ApiProblemException.Invalid(field, length <= 0 ? "the file is empty." : $"the file has {length / 1024 / 1024} MB; at most {MaxBytes / 1024 / 1024} MB are taken.");
        }

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = System.IO.Path.Combine(Directory, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hash;
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Position = 0;
                hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken))[..32];
            }

            var head = new byte[12];
            await using (var file = File.OpenRead(temporary))
            {
                await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }

            var kind = Kinds.FirstOrDefault(k => k.Is(head));
            if (kind.Type is null)
            {
                throw ApiProblemException.Invalid(field, $"not an image or video mops can attach (PNG, JPEG, GIF, WebP or MP4).");
            }

            var name = hash + kind.Extension;
            var path = System.IO.Path.Combine(Directory, name);
            if (!File.Exists(path))
            {
                File.Move(temporary, path);
            }

            return new MediaItem(name, kind.Type, path, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Every file of the library, newest first.</summary>
    public IReadOnlyList<MediaItem> List() =>
        System.IO.Directory.Exists(Directory)
            ? [.. new DirectoryInfo(Directory).EnumerateFiles().OrderByDescending(f => f.LastWriteTimeUtc).Select(f => Find(f.Name)).OfType<MediaItem>()]
            : [];

    /// <summary>The library's file of that name; null for any other name (never a path outside the library).</summary>
    public MediaItem? Find(string? name)
    {
        if (name is null || !LibraryName().IsMatch(name))
        {
            return null;
        }

        var path = System.IO.Path.Combine(Directory, name);
        var kind = Kinds.FirstOrDefault(k => name.EndsWith(k.Extension, StringComparison.Ordinal));
        return File.Exists(path) && kind.Type is not null ? new MediaItem(name, kind.Type, path, new FileInfo(path).Length) : null;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|gif|webp|mp4)$")]
    private static partial Regex LibraryName();
}
