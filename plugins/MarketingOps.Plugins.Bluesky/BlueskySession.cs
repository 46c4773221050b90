namespace MarketingOps.Plugins.Bluesky;

/// <summary>A logged-in session: the account's DID and handle with its access and refresh tokens.</summary>
/// <remarks>A class, not a record, so that no generated ToString can ever print a token.</remarks>
internal sealed class BlueskySession(string did, string handle, string accessJwt, string refreshJwt)
{
    public string Did { get; } = did;

    public string Handle { get; } = handle;

    public string AccessJwt { get; } = accessJwt;

    public string RefreshJwt { get; } = refreshJwt;

    public override string ToString() => $"BlueskySession({Did})";
}
