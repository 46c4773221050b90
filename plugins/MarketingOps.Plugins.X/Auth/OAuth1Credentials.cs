namespace MarketingOps.Plugins.X.Auth;

/// <summary>An OAuth 1.0a user context: the app's consumer key and secret, the user's token and token secret.</summary>
/// <remarks>A class, not a record, so that no generated ToString can ever print a secret.</remarks>
internal sealed class OAuth1Credentials(string consumerKey, string consumerSecret, string token, string tokenSecret)
{
    public string ConsumerKey { get; } = consumerKey;

    public string ConsumerSecret { get; } = consumerSecret;

    public string Token { get; } = token;

    public string TokenSecret { get; } = tokenSecret;

    public IEnumerable<string> SecretValues => [ConsumerKey, ConsumerSecret, Token, TokenSecret];

    public override string ToString() => "OAuth1Credentials(redacted)";
}
