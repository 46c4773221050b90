using System.Security.Cryptography;
using System.Text;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Derives a post's record key (a TID, as app.bsky.feed.post requires) from the host's idempotency key.</summary>
/// <remarks>
/// The same key and first-attempt second always give the same TID, so a retried createRecord hits the existing
/// record instead of creating a second post. The timestamp part is the first attempt's whole second plus a
/// hash-derived microsecond offset (seconds survive any storage precision); the 10-bit clock id is hashed too.
/// </remarks>
internal static class RecordKey
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    public static string FromIdempotencyKey(string idempotencyKey, DateTimeOffset firstAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        var h = BitConverter.ToUInt64(hash, 0);
        var micros = (firstAttemptAt.ToUnixTimeSeconds() * 1_000_000L) + (long)(h % 1_000_000UL);
        var clockId = (long)((h >> 20) & 0x3FF);
        return Encode(((micros & ((1L << 53) - 1)) << 10) | clockId);
    }

    /// <summary>True when <paramref name="rkey"/> has TID syntax.</summary>
    public static bool IsTid(string rkey) =>
        rkey is { Length: 13 } && "234567abcdefghij".Contains(rkey[0], StringComparison.Ordinal) && rkey.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Encode(long value)
    {
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
