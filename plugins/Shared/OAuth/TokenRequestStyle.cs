namespace MarketingOps.Plugins.Shared;

/// <summary>How a token request carries its fields and the client's secret.</summary>
internal enum TokenRequestStyle
{
    /// <summary>A form body with <c>client_id</c>; a confidential client's secret in HTTP Basic (RFC 6749 §2.3.1), as X documents.</summary>
    FormWithBasicSecret,

    /// <summary>A JSON body holding <c>client_id</c> and <c>client_secret</c>, as Mastodon's API documents.</summary>
    JsonWithSecretInBody,
}
