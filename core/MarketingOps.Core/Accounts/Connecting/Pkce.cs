using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MarketingOps.Core.Accounts.Connecting;

/// <summary>Proof Key for Code Exchange (RFC 7636) with the S256 method, and the <c>state</c> of an authorization request.</summary>
internal static class Pkce
{
    /// <summary>A code verifier: 32 random bytes as base64url, 43 characters of the unreserved set (RFC 7636 §4.1).</summary>
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>BASE64URL(SHA256(ASCII(verifier))), without padding (RFC 7636 §4.2).</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>An unguessable <c>state</c> that ties the redirect to this request.</summary>
    public static string NewState() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Compares a returned <c>state</c> with the expected one in constant time.</summary>
    public static bool SameState(string expected, string? returned) =>
        returned is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(returned));
}
