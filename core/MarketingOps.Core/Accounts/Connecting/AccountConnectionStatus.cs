using MarketingOps.Sdk;

namespace MarketingOps.Core.Accounts.Connecting;

/// <summary>One account's connection as <c>mops accounts list</c> shows it; never a credential.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Platform">Its platform plugin's id.</param>
/// <param name="State">connected, expired, revoked, not-connected, unverified, unsupported (the plugin cannot connect accounts) or inactive (the plugin is not loaded).</param>
/// <param name="Handle">The handle the credentials belong to, when known.</param>
/// <param name="Scopes">What the credentials allow.</param>
/// <param name="ExpiresAt">When the access token expires, when known.</param>
/// <param name="Renewable">Whether the token is renewed without the user.</param>
/// <param name="Detail">Why the state is what it is.</param>
internal sealed record AccountConnectionStatus(
    string Account,
    string Platform,
    string State,
    string? Handle,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    bool Renewable,
    string? Detail)
{
    public static string Describe(ConnectionState state) => state switch
    {
        ConnectionState.Connected => "connected",
        ConnectionState.Expired => "expired",
        ConnectionState.Revoked => "revoked",
        ConnectionState.NotConnected => "not-connected",
        _ => "unverified",
    };

    public static AccountConnectionStatus Of(ClientAccount account, AccountConnection connection) =>
        new(account.Name, account.Platform, Describe(connection.State), connection.Handle, connection.Scopes, connection.ExpiresAt, connection.Renewable, connection.Detail);
}
