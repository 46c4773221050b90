using System.Buffers.Text;
using System.Text.Json;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Reads the claims a PDS puts in its access token (scope, expiry); the signature is the PDS's business, not ours.</summary>
internal static class JwtClaims
{
    /// <summary>The token's <c>scope</c> and <c>exp</c>; nulls when the token is not a readable JWT.</summary>
    public static (string? Scope, DateTimeOffset? ExpiresAt) Read(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return (null, null);
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            var scope = root.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            DateTimeOffset? expires = root.TryGetProperty("exp", out var e) && e.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
            return (scope, expires);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return (null, null);
        }
    }
}
