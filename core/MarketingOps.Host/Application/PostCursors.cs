using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>Opaque page cursors: the due time and id of the last post on a page, base64url-encoded.</summary>
internal static class PostCursors
{
    public static string Encode(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{post.DueAt.ToUnixTimeMilliseconds()}~{post.Id}")));
    }

    public static PostCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var split = text.IndexOf('~', StringComparison.Ordinal);
            if (split > 0 && long.TryParse(text.AsSpan(0, split), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && split < text.Length - 1)
            {
                return new PostCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), text[(split + 1)..]);
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
        }

        throw ApiProblemException.Invalid("cursor", "not a cursor this API handed out; pass nextCursor from the previous page unchanged.");
    }
}
