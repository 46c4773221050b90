using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MarketingOps.Plugins.X.Auth;

/// <summary>Signs requests with OAuth 1.0a HMAC-SHA1, as X's "Creating a signature" describes.</summary>
internal static class OAuth1Signer
{
    /// <summary>The <c>Authorization</c> header value for a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL without its query string.</param>
    /// <param name="parameters">Query parameters and form-encoded body parameters, unencoded (a JSON body is not signed).</param>
    /// <param name="credentials">Who signs.</param>
    /// <param name="nonce">A one-time random string.</param>
    /// <param name="timestamp">Seconds since the Unix epoch.</param>
    public static string AuthorizationHeader(
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> parameters,
        OAuth1Credentials credentials,
        string nonce,
        long timestamp)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var oauth = OAuthParameters(credentials, nonce, timestamp);
        var signature = Signature(method, url, parameters.Concat(oauth), credentials.ConsumerSecret, credentials.TokenSecret);
        var header = oauth.Append(new("oauth_signature", signature))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\"");
        return "OAuth " + string.Join(", ", header);
    }

    /// <summary>The base64 HMAC-SHA1 signature of a request whose parameters already include the <c>oauth_*</c> ones.</summary>
    public static string Signature(string method, Uri url, IEnumerable<KeyValuePair<string, string>> allParameters, string consumerSecret, string tokenSecret)
    {
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        var data = Encoding.ASCII.GetBytes(SignatureBaseString(method, url, allParameters));
#pragma warning disable CA5350 // OAuth 1.0a prescribes HMAC-SHA1; X accepts nothing else.
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
#pragma warning restore CA5350
    }

    /// <summary>METHOD&amp;encoded-URL&amp;encoded-sorted-parameters.</summary>
    public static string SignatureBaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> allParameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        var normalizedUrl = url.GetLeftPart(UriPartial.Path);
        var parameterString = string.Join('&', allParameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return $"{method.ToUpperInvariant()}&{Encode(normalizedUrl)}&{Encode(parameterString)}";
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 (only A-Z a-z 0-9 - . _ ~ stay as they are).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>A fresh nonce: 32 random bytes as letters and digits.</summary>
    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static List<KeyValuePair<string, string>> OAuthParameters(OAuth1Credentials credentials, string nonce, long timestamp) =>
    [
        new("oauth_consumer_key", credentials.ConsumerKey),
        new("oauth_nonce", nonce),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
        new("oauth_token", credentials.Token),
        new("oauth_version", "1.0"),
    ];
}
