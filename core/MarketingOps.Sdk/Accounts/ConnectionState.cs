namespace MarketingOps.Sdk;

/// <summary>Whether an account's stored credentials work.</summary>
public enum ConnectionState
{
    /// <summary>Nothing is stored for the account.</summary>
    NotConnected,

    /// <summary>The platform accepted the credentials.</summary>
    Connected,

    /// <summary>The credentials ran out and cannot be renewed without the user.</summary>
    Expired,

    /// <summary>The platform refuses credentials that should still be valid (revoked by the user or the platform).</summary>
    Revoked,

    /// <summary>Credentials are stored but were not checked (offline, or the platform could not be reached).</summary>
    Unverified,
}
