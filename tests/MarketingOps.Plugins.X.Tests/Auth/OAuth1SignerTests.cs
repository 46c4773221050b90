using MarketingOps.Plugins.X.Auth;

namespace MarketingOps.Plugins.X.Tests.Auth;

/// <summary>X's documented worked example ("Creating a signature", developer.x.com / docs.x.com).</summary>
public sealed class OAuth1SignerTests
{
    private static readonly Uri Url = new("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
    private static readonly OAuth1Credentials Credentials = new(
        "xvz1evFS4wEEPTGEFPHBog",
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

    private static readonly KeyValuePair<string, string>[] RequestParameters =
    [
        new("include_entities", "true"),
        new("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
    ];

    private static readonly KeyValuePair<string, string>[] OAuthParameters =
    [
        new("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
        new("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", "1318622958"),
        new("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
        new("oauth_version", "1.0"),
    ];

    [Fact]
    public void SignatureBaseString_MatchesTheDocumentedExample()
    {
        var baseString = OAuth1Signer.SignatureBaseString("post", Url, [.. RequestParameters, .. OAuthParameters]);

        Assert.Equal(
            "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
            baseString);
    }

    [Fact]
    public void Signature_MatchesTheDocumentedExample()
    {
        var signature = OAuth1Signer.Signature("POST", Url, [.. RequestParameters, .. OAuthParameters], Credentials.ConsumerSecret, Credentials.TokenSecret);

        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    [Fact]
    public void AuthorizationHeader_CarriesTheEncodedSignatureAndEveryOAuthParameter()
    {
        var header = OAuth1Signer.AuthorizationHeader("POST", Url, RequestParameters, Credentials, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958);

        Assert.StartsWith("OAuth ", header, StringComparison.Ordinal);
        Assert.Contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"", header, StringComparison.Ordinal);
        Assert.Contains("oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.ConsumerSecret, header, StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.TokenSecret, header, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_FollowsRfc3986()
    {
        Assert.Equal("Ladies%20%2B%20Gentlemen%21%2A%27%28%29~-._", OAuth1Signer.Encode("Ladies + Gentlemen!*'()~-._"));
        Assert.Equal("%E2%98%83", OAuth1Signer.Encode("☃"));
    }
}
